package com.performanceos.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import redis.embedded.RedisServer;

/** The in-process servers of the embedded default, stopped together when the application closes. */
final class EmbeddedServers implements AutoCloseable {

	private static final Duration POSTGRES_STARTUP_WAIT = Duration.ofSeconds(60);

	private @Nullable EmbeddedPostgres postgres;

	private @Nullable RedisServer redis;

	int startPostgres(Path dataDirectory, PostgresDurability durability) {
		try {
			// Keeping the data directory is what makes `run` keep its data across restarts; the settings below are what
			// make it keep what it acknowledged across a crash.
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
			durability.serverSettings().forEach(builder::setServerConfig);
			postgres = builder
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.setPort(freePort())
				.setPGStartupWait(POSTGRES_STARTUP_WAIT)
				// Stopped by the application context, after everything that uses it.
				.setRegisterShutdownHook(false)
				.start();
			return postgres.getPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start embedded PostgreSQL in " + dataDirectory, ex);
		}
	}

	int startRedis() {
		int port = freePort();
		try {
			redis = RedisServer.newRedisServer()
				.bind("127.0.0.1")
				.port(port)
				// A cache and a message bus only: nothing here needs to survive a restart.
				.setting("save \"\"")
				.setting("appendonly no")
				.build();
			redis.start();
			return port;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start embedded Redis on port " + port, ex);
		}
	}

	boolean any() {
		return postgres != null || redis != null;
	}

	@Override
	public synchronized void close() {
		try {
			if (redis != null) {
				redis.stop();
				redis = null;
			}
			if (postgres != null) {
				postgres.close();
				postgres = null;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot stop the embedded services", ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free local port", ex);
		}
	}

}
