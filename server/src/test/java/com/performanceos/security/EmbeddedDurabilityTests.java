package com.performanceos.security;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Issue 14, point 11: the embedded default keeps what it acknowledged. The real server runs as a child JVM on its
 * embedded defaults (PostgreSQL, Redis, DuckDB in a temporary data directory, durability left at its default); the
 * test posts a journal entry over HTTP with a token signed by the embedded issuer's key, and the moment the
 * acknowledgement arrives it kills the child JVM and every process of its tree with SIGKILL, PostgreSQL's postmaster
 * and backends included (pg_ctl detaches the postmaster, so it is found through {@code postmaster.pid}). The next
 * start must show every acknowledged entry. A commit acknowledged before its WAL left PostgreSQL's memory
 * ({@code synchronous_commit=off}, the embedded library's default) is lost by exactly this kill.
 *
 * <p>Loop structure: each iteration is one start, one check of every entry acknowledged so far, one posting, one kill
 * right after its acknowledgement; the check of iteration n is the restart of the kill of iteration n - 1. A start of
 * the whole server takes several seconds on the 2-core CI machine (a class-data-sharing archive created by the first
 * start shortens the others), so 100 iterations take minutes: CI runs {@value #DEFAULT_ITERATIONS} by default, and
 * {@code -Dperformanceos.durability.crash-iterations=100} runs the full loop of the acceptance (see
 * bench/README.md for its runtime). {@code -Dperformanceos.durability.crash-mode=FAST_FOR_TESTS_ONLY} runs the same
 * loop against the embedded library's fast settings, where it loses acknowledged entries and fails.
 */
class EmbeddedDurabilityTests {

	static final int DEFAULT_ITERATIONS = 10;

	/**
	 * The child's {@code performanceos.embedded.postgres.durability}, DURABLE unless set: with FAST_FOR_TESTS_ONLY this
	 * test is expected to fail, which shows that it can.
	 */
	static final String MODE_PROPERTY = "performanceos.durability.crash-mode";

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path dataDirectory;

	@Test
	void everyAcknowledgedEntrySurvivesASigkillOfTheServerRightAfterItsAcknowledgement() throws Exception {
		int iterations = Integer.getInteger("performanceos.durability.crash-iterations", DEFAULT_ITERATIONS);
		long startedAt = System.nanoTime();
		List<String> acknowledged = new ArrayList<>();
		String token = null;
		String[] accounts = null;
		for (int iteration = 0; iteration <= iterations; iteration++) {
			Server server = Server.start(dataDirectory);
			try {
				if (token == null) {
					token = mintToken();
					accounts = new String[] { createAccount(server, token, "512000", "ASSET"), createAccount(server, token, "706000", "REVENUE") };
				}
				assertThat(missing(server, token, acknowledged)).as("acknowledged entries missing after restart %d", iteration)
					.isEmpty();
				if (iteration == iterations) {
					break;
				}
				List<ProcessHandle> tree = server.processTree();
				String entryId = post(server, token, "crash-" + iteration, accounts);
				// Killed right after the acknowledgement: nothing between the answer and SIGKILL.
				tree.forEach(ProcessHandle::destroyForcibly);
				acknowledged.add(entryId);
				server.awaitDeath(tree);
			}
			finally {
				server.killIfAlive();
			}
		}
		assertThat(acknowledged).hasSize(iterations);
		System.out.printf("EmbeddedDurabilityTests: %d kills after acknowledgement, %d restarts, %.1f s%n", iterations,
				iterations + 1, (System.nanoTime() - startedAt) / 1e9);
	}

	private String post(Server server, String token, String key, String[] accounts) throws Exception {
		Map<String, Object> input = Map.of("idempotencyKey", key, "effectiveDate", "2026-06-01", "description", "Crash " + key,
				"lines", List.of(Map.of("accountId", accounts[0], "side", "DEBIT", "amount", "100.00", "currency", "EUR"),
						Map.of("accountId", accounts[1], "side", "CREDIT", "amount", "100.00", "currency", "EUR")));
		JsonNode answer = graphQl(server, token, """
				mutation($input: PostJournalEntryInput!) { postJournalEntry(input: $input) { entry { id } userErrors { code message } } }""",
				Map.of("input", input));
		JsonNode payload = answer.path("data").path("postJournalEntry");
		assertThat(payload.path("userErrors").size()).as(answer.toString()).isZero();
		return payload.path("entry").path("id").asString();
	}

	private List<String> missing(Server server, String token, List<String> entryIds) throws Exception {
		List<String> missing = new ArrayList<>();
		for (int from = 0; from < entryIds.size(); from += 100) {
			List<String> page = entryIds.subList(from, Math.min(entryIds.size(), from + 100));
			JsonNode nodes = graphQl(server, token, "query($ids: [ID!]!) { nodes(ids: $ids) { id } }", Map.of("ids", page))
				.path("data").path("nodes");
			for (int index = 0; index < page.size(); index++) {
				if (nodes.path(index).isNull() || nodes.path(index).isMissingNode()) {
					missing.add(page.get(index));
				}
			}
		}
		return missing;
	}

	private String createAccount(Server server, String token, String code, String type) throws Exception {
		JsonNode answer = graphQl(server, token, """
				mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { id } userErrors { code } } }""",
				Map.of("input", Map.of("idempotencyKey", "account-" + code, "code", code, "name", "Account " + code, "type", type,
						"currency", "EUR")));
		String id = answer.path("data").path("createAccount").path("account").path("id").asString();
		assertThat(id).as(answer.toString()).isNotBlank();
		return id;
	}

	private JsonNode graphQl(Server server, String token, String query, Map<String, Object> variables) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port + "/graphql"))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("query", query, "variables", variables))))
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	/** Runs the documented command, scripts/mint-token.sh, against the child's data directory. */
	private String mintToken() throws IOException, InterruptedException {
		Path script = Path.of("..", "scripts", "mint-token.sh").toAbsolutePath().normalize();
		ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), "FINANCE", "crash-test")
			.redirectError(ProcessBuilder.Redirect.INHERIT);
		builder.environment().put("PERFORMANCEOS_DATA_DIR", dataDirectory.toString());
		Process process = builder.start();
		process.getOutputStream().close();
		String token = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isZero();
		return token;
	}

	/** The server as a child JVM on the embedded defaults, from the test classpath. */
	private static final class Server {

		final Process process;

		final int port;

		final Path dataDirectory;

		private Server(Process process, int port, Path dataDirectory) {
			this.process = process;
			this.port = port;
			this.dataDirectory = dataDirectory;
		}

		static Server start(Path dataDirectory) throws Exception {
			int port = freePort();
			Path java = Path.of(System.getProperty("java.home"), "bin", "java");
			List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1",
					"-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + dataDirectory.resolve("server.jsa"),
					"-cp", System.getProperty("java.class.path"),
					"-Dperformanceos.data-dir=" + dataDirectory, "-Dserver.port=" + port, "-Dperformanceos.demo.enabled=false",
					"-Dperformanceos.embedded.postgres.durability=" + System.getProperty(MODE_PROPERTY, "DURABLE"),
					"com.performanceos.PerformanceOsApplication"));
			ProcessBuilder builder = new ProcessBuilder(command)
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(dataDirectory.resolve("server.log").toFile()));
			// Nothing of the test JVM's configuration: the child sees what a newcomer's `run` sees.
			builder.environment().keySet().removeIf(name -> name.startsWith("PERFORMANCEOS_") || name.equals("PORT"));
			Server server = new Server(builder.start(), port, dataDirectory);
			server.awaitReady();
			return server;
		}

		private void awaitReady() throws Exception {
			HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
			long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
			while (System.nanoTime() < deadline) {
				if (!process.isAlive()) {
					fail("The server exited during start-up; see " + dataDirectory.resolve("server.log") + ":\n" + logTail());
				}
				try {
					HttpResponse<Void> response = probe.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
						.timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
							HttpResponse.BodyHandlers.discarding());
					if (response.statusCode() > 0) {
						return;
					}
				}
				catch (IOException notYet) {
					Thread.sleep(200);
				}
			}
			killIfAlive();
			fail("The server did not answer within " + START_TIMEOUT + ":\n" + logTail());
		}

		/** The child JVM, its descendants (Redis), and PostgreSQL's postmaster with its backends. */
		List<ProcessHandle> processTree() throws IOException {
			List<ProcessHandle> tree = new ArrayList<>();
			tree.add(process.toHandle());
			process.toHandle().descendants().forEach(tree::add);
			Path pidFile = dataDirectory.resolve("postgres").resolve("postmaster.pid");
			long postmasterPid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
			ProcessHandle postmaster = ProcessHandle.of(postmasterPid)
				.orElseThrow(() -> new AssertionError("No postmaster with pid " + postmasterPid));
			tree.add(postmaster);
			postmaster.descendants().forEach(tree::add);
			assertThat(tree).as("the JVM, the postmaster and its backends").hasSizeGreaterThan(3);
			return tree;
		}

		void awaitDeath(List<ProcessHandle> tree) throws Exception {
			for (ProcessHandle handle : tree) {
				handle.onExit().get(30, TimeUnit.SECONDS);
			}
		}

		void killIfAlive() {
			if (process.isAlive()) {
				Stream.concat(Stream.of(process.toHandle()), process.toHandle().descendants()).forEach(ProcessHandle::destroyForcibly);
				Path pidFile = dataDirectory.resolve("postgres").resolve("postmaster.pid");
				try {
					if (Files.exists(pidFile)) {
						ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip())).ifPresent(postmaster -> {
							postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
							postmaster.destroyForcibly();
						});
					}
				}
				catch (IOException | RuntimeException ex) {
					// Best effort on the way out of a failed test; the temporary directory goes with the JVM.
				}
			}
		}

		private String logTail() {
			try {
				List<String> lines = Files.readAllLines(dataDirectory.resolve("server.log"));
				return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
			}
			catch (IOException ex) {
				return "(no log: " + ex + ")";
			}
		}

		private static int freePort() throws IOException {
			try (ServerSocket socket = new ServerSocket(0)) {
				return socket.getLocalPort();
			}
		}

	}

}
