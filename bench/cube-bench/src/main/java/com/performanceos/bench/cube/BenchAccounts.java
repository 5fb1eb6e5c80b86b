package com.performanceos.bench.cube;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * Creates the benchmark's chart of accounts through {@code createAccount} (so the cube's
 * {@code account { code }} resolves them) and keeps their keys in a file for the loaders.
 */
final class BenchAccounts {

	/** 50 accounts: 40 in euros, 10 in US dollars. */
	static final int COUNT = 50;

	static final int EURO_COUNT = 40;

	private static final String CREATE = """
			mutation Create($input: CreateAccountInput!) {
			  createAccount(input: $input) { account { id code currency } userErrors { code message } }
			}""";

	private BenchAccounts() {
	}

	static List<BenchAccount> create(GraphQlClient graphQl) throws IOException, InterruptedException {
		List<BenchAccount> accounts = new ArrayList<>(COUNT);
		for (int index = 0; index < COUNT; index++) {
			String code = String.format("BENCH-%02d", index + 1);
			String currency = index < EURO_COUNT ? "EUR" : "USD";
			JsonNode payload = graphQl.execute(CREATE, Map.of("input", Map.of("idempotencyKey", "bench-" + code, "code", code, "name",
					"Bench account " + (index + 1), "type", index % 2 == 0 ? "ASSET" : "EXPENSE", "currency", currency)))
				.get("createAccount");
			if (!payload.get("userErrors").isEmpty()) {
				throw new IllegalStateException("createAccount " + code + " refused: " + payload.get("userErrors"));
			}
			accounts.add(new BenchAccount(code, keyOf(payload.get("account").get("id").asString()), currency));
		}
		return accounts;
	}

	/**
	 * The primary key inside an account's global id. Clients never build ids, but the loaders write
	 * fact rows as the server's projection does, keyed by the account's primary key.
	 */
	static UUID keyOf(String globalId) {
		String decoded = new String(Base64.getUrlDecoder().decode(globalId), StandardCharsets.UTF_8);
		if (!decoded.startsWith("Account:")) {
			throw new IllegalArgumentException("Not an account id: " + globalId);
		}
		return UUID.fromString(decoded.substring("Account:".length()));
	}

	static void write(List<BenchAccount> accounts, Path file) throws IOException {
		Files.write(file, accounts.stream().map(BenchAccount::toLine).toList(), StandardCharsets.UTF_8);
	}

	static List<BenchAccount> read(Path file) throws IOException {
		List<BenchAccount> accounts = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank())
			.map(BenchAccount::parse).toList();
		if (accounts.isEmpty() || accounts.size() > 10_000) {
			throw new IllegalArgumentException(file + " holds " + accounts.size() + " accounts; expected 1 to 10,000");
		}
		return accounts;
	}

}
