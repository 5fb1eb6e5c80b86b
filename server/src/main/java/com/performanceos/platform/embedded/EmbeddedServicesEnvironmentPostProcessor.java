package com.performanceos.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Decides, before any bean exists, where PostgreSQL and Redis are: the URLs the operator configured
 * (checked reachable, so a wrong URL stops start-up with a message that names the service), or
 * in-process servers started here when nothing is configured. Either way it publishes the derived
 * Spring properties (R2DBC for the application, JDBC for Flyway) so the rest of the code never
 * knows which mode it runs in.
 */
final class EmbeddedServicesEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE = "performanceos-services";

	private static final int REACHABILITY_TIMEOUT_MS = 3_000;

	private final Log log;

	EmbeddedServicesEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.log = logFactory.getLog(EmbeddedServicesEnvironmentPostProcessor.class);
	}

	@Override
	public int getOrder() {
		// After application.yaml and the environment variables are loaded, so configuration wins.
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Path dataDirectory = Path.of(environment.getProperty("performanceos.data-dir", "./data")).toAbsolutePath();
		String postgresUrl = environment.getProperty("performanceos.postgres.url", "");
		String redisUrl = environment.getProperty("performanceos.redis.url", "");
		String clickHouseUrl = environment.getProperty("performanceos.analytics.clickhouse.url", "");
		// Configured services first: a wrong URL must fail before anything is started in-process.
		if (!postgresUrl.isBlank()) {
			requireReachable("PostgreSQL", "performanceos.postgres.url (PERFORMANCEOS_POSTGRES_URL)", postgresUrl, 5432);
		}
		if (!redisUrl.isBlank()) {
			requireReachable("Redis", "performanceos.redis.url (PERFORMANCEOS_REDIS_URL)", redisUrl, 6379);
		}
		if (!clickHouseUrl.isBlank()) {
			requireReachable("ClickHouse", "performanceos.analytics.clickhouse.url (PERFORMANCEOS_ANALYTICS_CLICKHOUSE_URL)",
					clickHouseUrl, 8123);
		}
		createDirectories(dataDirectory);
		Map<String, Object> derived = new LinkedHashMap<>();
		EmbeddedServers started = new EmbeddedServers();
		try {
			if (postgresUrl.isBlank()) {
				PostgresDurability durability = PostgresDurability
					.of(environment.getProperty(PostgresDurability.PROPERTY, ""));
				int port = started.startPostgres(dataDirectory.resolve("postgres"), durability);
				log.info("No performanceos.postgres.url configured: started embedded PostgreSQL on 127.0.0.1:" + port
						+ " with data in " + dataDirectory.resolve("postgres") + " (" + durability + ")");
				if (durability == PostgresDurability.FAST_FOR_TESTS_ONLY) {
					log.warn("*** " + PostgresDurability.PROPERTY + "=FAST_FOR_TESTS_ONLY: embedded PostgreSQL runs "
							+ "WITHOUT fsync and synchronous commit. A crash can lose acknowledged data and corrupt "
							+ dataDirectory.resolve("postgres") + ". Never use this mode for data you keep. ***");
				}
				postgresUrl = "postgresql://127.0.0.1:" + port + "/postgres";
				// The embedded cluster's superuser owns the schema; the application connects as the
				// restricted role the migrations create, so row-level security applies to it.
				derived.put("performanceos.postgres.migration-username", "postgres");
				derived.put("performanceos.postgres.migration-password", "postgres");
				derived.put("performanceos.postgres.username", "pos_app");
				derived.put("performanceos.postgres.password", "pos_app");
				// A fresh embedded database is a demo: seed the demo tenant unless told otherwise.
				if (environment.getProperty("performanceos.demo.enabled") == null) {
					derived.put("performanceos.demo.enabled", "true");
				}
			}
			if (redisUrl.isBlank()) {
				int port = started.startRedis();
				log.info("No performanceos.redis.url configured: started embedded Redis on 127.0.0.1:" + port);
				redisUrl = "redis://127.0.0.1:" + port;
			}
		}
		catch (RuntimeException ex) {
			started.close();
			throw ex;
		}
		derived.put("performanceos.postgres.url", postgresUrl);
		derived.put("spring.r2dbc.url", "r2dbc:" + postgresUrl);
		derived.put("spring.r2dbc.username", "${performanceos.postgres.username}");
		derived.put("spring.r2dbc.password", "${performanceos.postgres.password}");
		derived.put("spring.flyway.url", "jdbc:" + postgresUrl);
		derived.put("spring.flyway.user", "${performanceos.postgres.migration-username:${performanceos.postgres.username}}");
		derived.put("spring.flyway.password", "${performanceos.postgres.migration-password:${performanceos.postgres.password}}");
		derived.put("performanceos.redis.url", redisUrl);
		derived.put("performanceos.data-dir", dataDirectory.toString());

		// Highest precedence: the URLs above are either the operator's own or the embedded servers',
		// and must win over the blank defaults of application.yaml.
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, derived));
		if (started.any()) {
			// Destroyed with the last singletons: after the lifecycle beans (the outbox relay's final
			// drain among them) have stopped, so nothing loses its database mid-shutdown. No JVM
			// shutdown hook of our own: hooks run concurrently with Spring's and would stop the
			// servers first.
			application.addInitializers(context -> ((DefaultSingletonBeanRegistry) context.getBeanFactory())
				.registerDisposableBean("embeddedServers", started::close));
		}
	}

	private static void requireReachable(String service, String setting, String url, int defaultPort) {
		URI uri = URI.create(url);
		String host = uri.getHost();
		int port = uri.getPort() > 0 ? uri.getPort() : defaultPort;
		if (host == null) {
			throw new IllegalStateException(service + " URL in " + setting + " has no host: " + url);
		}
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), REACHABILITY_TIMEOUT_MS);
		}
		catch (IOException ex) {
			throw new IllegalStateException(service + " configured by " + setting + " is unreachable at " + host + ":"
					+ port + " (" + ex.getMessage() + "). Start it, fix the URL, or unset it to use the embedded default.",
					ex);
		}
	}

	private static void createDirectories(Path directory) {
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the data directory " + directory, ex);
		}
	}

}
