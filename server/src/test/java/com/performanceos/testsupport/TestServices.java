package com.performanceos.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import redis.embedded.RedisServer;

/**
 * The real services integration tests run against, started once per test JVM: PostgreSQL 17
 * (zonky, in-process binaries), Redis and the ClickHouse server of {@link ClickHouseTestServer}.
 * The application under test sees them exactly as it sees production services: through
 * configured URLs, never through its embedded-default code path.
 */
public final class TestServices {

	private static TestServices shared;

	private final EmbeddedPostgres postgres;

	private final RedisServer redis;

	private final int redisPort;

	private final Path dataDirectory;

	private final GreenMail smtp;

	private TestServices() throws IOException {
		this.dataDirectory = Files.createTempDirectory("pos-test-data");
		this.postgres = EmbeddedPostgres.builder().setPort(freePort()).start();
		this.redisPort = freePort();
		this.redis = RedisServer.newRedisServer().bind("127.0.0.1").port(redisPort).setting("save \"\"").build();
		this.redis.start();
		// A real SMTP server in-process for the dunning e-mails; it accepts mail for any recipient.
		this.smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.smtp.start();
		Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "test-services-stop"));
	}

	public static synchronized TestServices shared() {
		if (shared == null) {
			try {
				shared = new TestServices();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot start the test services", ex);
			}
		}
		return shared;
	}

	/**
	 * Points every application started in this JVM at these services (and ClickHouse for
	 * analytics). System properties, because the server decides between configured and embedded
	 * services in an environment post-processor, before test property sources exist.
	 */
	public void exportAsSystemProperties() {
		System.setProperty("performanceos.postgres.url", postgresUrl());
		System.setProperty("performanceos.postgres.migration-username", "postgres");
		System.setProperty("performanceos.postgres.migration-password", "postgres");
		System.setProperty("performanceos.redis.url", redisUrl());
		System.setProperty("performanceos.analytics.clickhouse.url", ClickHouseTestServer.shared().httpUrl());
		System.setProperty("performanceos.data-dir", dataDirectory.toString());
		System.setProperty("spring.mail.host", "127.0.0.1");
		System.setProperty("spring.mail.port", Integer.toString(smtp.getSmtp().getPort()));
	}

	public String postgresUrl() {
		return "postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
	}

	public String redisUrl() {
		return "redis://127.0.0.1:" + redisPort;
	}

	/** The in-process SMTP server the application sends its e-mails to. */
	public GreenMail smtp() {
		return smtp;
	}

	public Path dataDirectory() {
		return dataDirectory;
	}

	/** A JDBC connection as the superuser: bypasses row-level security, for fixtures and tampering. */
	public Connection superuserConnection() throws SQLException {
		return postgres.getPostgresDatabase().getConnection();
	}

	/** A JDBC connection as the application's role: row-level security applies. */
	public Connection applicationConnection() throws SQLException {
		return java.sql.DriverManager.getConnection("jdbc:" + postgresUrl(), "pos_app", "pos_app");
	}

	private void stop() {
		try {
			redis.stop();
			smtp.stop();
			postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
