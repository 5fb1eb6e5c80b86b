package com.performanceos.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real ClickHouse server (the Debian package's binary) run as a child process on free ports with its own data
 * directory, so tests exercise the engine production talks to. ClickHouse refuses to run as root, hence
 * {@code runuser -u clickhouse} and a data directory owned by that user.
 */
public final class ClickHouseTestServer {

	private static final Path BINARY = Path.of("/usr/sbin/clickhouse-server");

	private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

	private static ClickHouseTestServer shared;

	private final Path directory;

	private final int httpPort;

	private Process process;

	private ClickHouseTestServer() throws IOException {
		if (!Files.isExecutable(BINARY)) {
			throw new IllegalStateException(BINARY + " is missing: run scripts/test.sh, which installs clickhouse-server");
		}
		this.directory = Files.createTempDirectory("clickhouse-test");
		this.httpPort = freePort();
		writeConfig(freePort(), freePort());
		run(List.of("chown", "-R", "clickhouse:clickhouse", this.directory.toString()));
	}

	/** The server shared by every test of this JVM, started on first use and stopped when the JVM exits. */
	public static synchronized ClickHouseTestServer shared() {
		if (shared == null) {
			try {
				shared = new ClickHouseTestServer();
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot prepare a ClickHouse test server", ex);
			}
			shared.start();
			Runtime.getRuntime().addShutdownHook(new Thread(shared::stopAndDelete));
		}
		return shared;
	}

	public String httpUrl() {
		return "http://127.0.0.1:" + this.httpPort;
	}

	public synchronized void start() {
		if (this.process != null && this.process.isAlive()) {
			return;
		}
		try {
			this.process = new ProcessBuilder("runuser", "-u", "clickhouse", "--", BINARY.toString(),
					"--config-file=" + this.directory.resolve("config.xml"))
				.redirectErrorStream(true)
				.redirectOutput(this.directory.resolve("stdout.log").toFile())
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start " + BINARY, ex);
		}
		awaitPing();
	}

	/** Kills the server and waits until it has exited; the data directory and ports stay for a restart. */
	public synchronized void stop() {
		if (this.process == null) {
			return;
		}
		// Signal the server itself rather than relying on runuser to forward the signal, then wait for both.
		List<ProcessHandle> servers = this.process.descendants().toList();
		servers.forEach(ProcessHandle::destroy);
		this.process.destroy();
		try {
			for (ProcessHandle server : servers) {
				server.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			}
			this.process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
			servers.forEach(ProcessHandle::destroyForcibly);
			this.process.destroyForcibly();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.process = null;
	}

	private void stopAndDelete() {
		stop();
		try (java.util.stream.Stream<Path> paths = Files.walk(this.directory)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// A leftover temporary directory is harmless; the JVM is exiting anyway.
		}
	}

	public void restart() {
		stop();
		start();
	}

	private void awaitPing() {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		HttpRequest ping = HttpRequest.newBuilder(URI.create(httpUrl() + "/ping")).timeout(Duration.ofSeconds(1)).build();
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			try {
				if (http.send(ping, HttpResponse.BodyHandlers.ofString()).body().startsWith("Ok.")) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			if (!this.process.isAlive()) {
				break;
			}
			sleep();
		}
		throw new IllegalStateException("ClickHouse did not answer /ping on " + httpUrl() + "; see " + this.directory
				+ "/log and stdout.log");
	}

	private void writeConfig(int tcpPort, int interserverPort) throws IOException {
		String dir = this.directory.toString();
		Files.writeString(this.directory.resolve("config.xml"), """
				<?xml version="1.0"?>
				<yandex>
				  <logger><level>warning</level><log>%1$s/log/server.log</log><errorlog>%1$s/log/server.err.log</errorlog>
				    <size>10M</size><count>1</count></logger>
				  <listen_host>127.0.0.1</listen_host>
				  <http_port>%2$d</http_port>
				  <tcp_port>%3$d</tcp_port>
				  <interserver_http_port>%4$d</interserver_http_port>
				  <path>%1$s/data/</path>
				  <tmp_path>%1$s/tmp/</tmp_path>
				  <user_files_path>%1$s/user_files/</user_files_path>
				  <format_schema_path>%1$s/format_schemas/</format_schema_path>
				  <users_config>users.xml</users_config>
				  <default_database>default</default_database>
				  <timezone>UTC</timezone>
				  <mark_cache_size>67108864</mark_cache_size>
				  <uncompressed_cache_size>67108864</uncompressed_cache_size>
				  <max_concurrent_queries>50</max_concurrent_queries>
				</yandex>
				""".formatted(dir, this.httpPort, tcpPort, interserverPort));
		Files.writeString(this.directory.resolve("users.xml"), """
				<?xml version="1.0"?>
				<yandex>
				  <profiles><default><max_memory_usage>2000000000</max_memory_usage></default></profiles>
				  <users><default><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
				    <profile>default</profile><quota>default</quota></default></users>
				  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors>
				    <result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time>
				  </interval></default></quotas>
				</yandex>
				""");
		Files.createDirectories(this.directory.resolve("log"));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void run(List<String> command) throws IOException {
		try {
			Process chown = new ProcessBuilder(command).inheritIO().start();
			if (chown.waitFor() != 0) {
				throw new IOException(String.join(" ", command) + " failed");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted: " + command, ex);
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
