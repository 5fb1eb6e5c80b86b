package com.performanceos.ledger.imports;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import reactor.core.Disposable;

import com.performanceos.ledger.bank.BankFixtures;
import com.performanceos.ledger.receivables.ReceivablesFixtures;
import com.performanceos.platform.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

class ImportBankStatementIntegrationTests extends ImportIntegrationSupport {

	private static final Map<String, String> MAPPING = Map.of("Compte", "IBAN", "Référence", "TRANSACTION_ID", "Date opération",
			"BOOKING_DATE", "Date valeur", "VALUE_DATE", "Montant", "AMOUNT", "Devise", "CURRENCY", "Tiers", "COUNTERPARTY", "Libellé", "LABEL");

	private static final Map<String, Object> OPTIONS = Map.of("delimiter", ";", "decimalSeparator", "COMMA", "dateFormat", "dd/MM/yyyy");

	private static final String HEADER = "Compte;Référence;Date opération;Date valeur;Montant;Devise;Tiers;Libellé\n";

	private static final String PARIS = BankFixtures.iban("30004000031234567890143");

	private static final String LYON = BankFixtures.iban("17806001200004567891245");

	/** A valid IBAN no bank account of the tests has. */
	private static final String STRANGER = BankFixtures.iban("10107001180001234567842");

	private static final int ROWS = 40;

	private static final ParameterizedTypeReference<Map<String, Object>> MAP_TYPE = new ParameterizedTypeReference<>() {
	};

	@Autowired
	ApplicationContext context;

	@Autowired
	MeterRegistry meters;

	@Test
	void badRowsFailTheFileThenTheCorrectedFileIsIngestedOnceLikeAggregatorTransactions() {
		String tenant = newTenant("import-bank");
		var finance = tester(tenant, Role.FINANCE);
		bankAccounts(finance, tenant);

		// Rows 5-33 are broken one way each; the control sum is that of the 35 other rows (1,250.00 - 375.00).
		Map<Integer, String> broken = Map.of(
				5, PARIS.substring(0, PARIS.length() - 1) + (PARIS.charAt(PARIS.length() - 1) == '0' ? '1' : '0') + ";RLV-5;05/03/2026;05/03/2026;250,00;EUR;Client;VIR",
				12, STRANGER + ";RLV-12;12/03/2026;12/03/2026;-12,50;EUR;Crédit Agricole;FRAIS",
				20, LYON + ";RLV-20;31/02/2026;21/03/2026;-12,50;EUR;Crédit Agricole;FRAIS",
				27, spaced(PARIS) + ";RLV-27;27/03/2026;27/03/2026;0,00;EUR;SCI Haussmann;PRLV SEPA LOYER BUREAUX",
				33, spaced(PARIS) + ";RLV-33;06/03/2026;06/03/2026;250,00;USD;Client 17;VIR");
		Started bad = start(finance, "bad", "BANK_STATEMENT", "releve-mars.csv", MAPPING, ROWS, "875", OPTIONS);
		Map<String, Object> failed = uploaded(finance, tenant, bad, statement(broken));
		assertThat(failed).containsEntry("status", "FAILED").containsEntry("recordCount", 0);
		assertThat(located(failed)).containsExactly(tuple(5, "Compte", "INVALID_IBAN"), tuple(12, "Compte", "UNKNOWN_BANK_ACCOUNT"),
					tuple(20, "Date opération", "INVALID_DATE"), tuple(27, "Montant", "INVALID_AMOUNT"), tuple(33, "Devise", "CURRENCY_MISMATCH"));
		// The IBAN is personal data: never repeated in clear, an unknown one shown masked only.
		assertThat(problems(failed).toString()).doesNotContain(PARIS, spaced(PARIS), STRANGER, PARIS.substring(4, 20))
			.contains(STRANGER.substring(0, STRANGER.length() - 6) + "******");
		assertThat(transactionCount(finance, null)).isZero();
		assertCash(finance, "12000");

		double subscribedBefore = activeSubscriptions();
		List<Map<String, Object>> events = new CopyOnWriteArrayList<>();
		Disposable subscription = webSocket(tokens.token(tenant, Role.FINANCE)).document(document("bankCashPositionChanged"))
			.retrieveSubscription("cashPositionChanged")
			.toEntity(MAP_TYPE)
			.subscribe(events::add);
		await().atMost(Duration.ofSeconds(10)).until(() -> activeSubscriptions() >= subscribedBefore + 1);
		Started good = start(finance, "good", "BANK_STATEMENT", "releve-mars-v2.csv", MAPPING, ROWS, "1250.00", OPTIONS);
		assertThat(uploaded(finance, tenant, good, statement(Map.of()))).containsEntry("status", "SUCCEEDED").containsEntry("rowCount", ROWS)
			.containsEntry("recordCount", ROWS);
		assertThat(transactionCount(finance, null)).isEqualTo(ROWS);
		// Opening 10,000 + 2,000; Paris 10 x 250.00 - 10 x 100.00 = +1,500.00; Lyon 20 x -12.50 = -250.00.
		assertCash(finance, "13250");
		var byBank = finance.documentName("cashPositionQuery").variable("asOf", "2026-12-31").variable("groupBy", List.of("BANK")).execute();
		assertThat(byBank.path("cashPosition.lines[*].bankName").entityList(String.class).get()).containsExactly("BNP Paribas", "Crédit Agricole");
		assertThat(byBank.path("cashPosition.lines[*].balance.amount").entityList(BigDecimal.class).get())
			.usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("11500"), new BigDecimal("1750"));
		// The rent rule categorised and posted the ten rent payments, as it does for aggregator deliveries.
		var categorized = finance.documentName("bankTransactionsList").variable("status", "CATEGORIZED").execute();
		categorized.path("bankTransactions.totalCount").entity(Integer.class).isEqualTo(10);
		assertThat(categorized.path("bankTransactions.nodes[*].rule.name").entityList(String.class).get()).containsOnly("Loyer");
		assertThat(categorized.path("bankTransactions.nodes[*].journalEntryId").entityList(String.class).get()).hasSize(10).doesNotContainNull();
		assertThat(journalEntryCount(finance)).isEqualTo(10);
		// One cashPositionChanged per bank account for the whole file, not one per row.
		await().atMost(Duration.ofSeconds(10)).until(() -> events.size() >= 2);
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> events.size() == 2);
		subscription.dispose();
		assertThat(events).extracting(event -> event.get("transactionCount"),
				event -> new BigDecimal((String) ((Map<?, ?>) event.get("netChange")).get("amount")).stripTrailingZeros().toPlainString(),
				event -> ((Map<?, ?>) event.get("bankAccount")).get("name"))
			.containsExactlyInAnyOrder(tuple(20, "1500", "Compte courant Paris"), tuple(20, "-250", "Compte Lyon"));
		assertThat(ingestions(tenant)).isEqualTo(2);

		Started replay = start(finance, "replay", "BANK_STATEMENT", "releve-mars-v2 (1).csv", MAPPING, ROWS, "1250.00", OPTIONS);
		var answer = upload(tenant, Role.FINANCE, replay.uploadUrl(), statement(Map.of())).expectStatus().isOk()
			.expectBody(IMPORT_TYPE).returnResult().getResponseBody();
		assertThat(answer).containsEntry("status", "DUPLICATE_FILE").containsEntry("duplicateOf", good.id());
		assertThat(transactionCount(finance, null)).isEqualTo(ROWS);
		assertThat(ingestions(tenant)).isEqualTo(2);
	}

	@Test
	void transactionsAlreadyStoredOrRepeatedAndControlTotalMismatchesAreRefusedAndOtherTenantsSeeNothing() {
		String tenant = newTenant("import-bank-dup");
		var finance = tester(tenant, Role.FINANCE);
		bankAccounts(finance, tenant);
		new BankFixtures(web, context).deliver("agg-" + tenant, "W-1", "2026-03-02", "480.00", "Client A", "VIR CLIENT A");

		// W-1 came from the webhook on the Paris account; on the Lyon account the same id is another transaction.
		String duplicates = HEADER
				+ spaced(PARIS) + ";W-1;02/03/2026;02/03/2026;480,00;EUR;Client A;VIR CLIENT A\n"
				+ LYON + ";RLV-X;03/03/2026;03/03/2026;-20,00;EUR;Crédit Agricole;FRAIS\n"
				+ LYON + ";RLV-X;03/03/2026;03/03/2026;-20,00;EUR;Crédit Agricole;FRAIS\n"
				+ LYON + ";W-1;04/03/2026;04/03/2026;-5,00;EUR;Crédit Agricole;FRAIS\n";
		Started dup = start(finance, "dup", "BANK_STATEMENT", "doublons.csv", MAPPING, 4, "435", OPTIONS);
		Map<String, Object> refused = uploaded(finance, tenant, dup, duplicates);
		assertThat(refused).containsEntry("status", "FAILED");
		assertThat(located(refused)).containsExactlyInAnyOrder(tuple(1, "Référence", "ALREADY_EXISTS"), tuple(3, "Référence", "DUPLICATE_ROW"));
		assertThat(transactionCount(finance, null)).isEqualTo(1);

		String twoRows = HEADER + LYON + ";RLV-1;03/03/2026;03/03/2026;-20,00;EUR;Crédit Agricole;FRAIS\n"
				+ LYON + ";RLV-2;04/03/2026;04/03/2026;150,00;EUR;Client B;VIR\n";
		Started control = start(finance, "control", "BANK_STATEMENT", "releve.csv", MAPPING, 2, "170", OPTIONS);
		Map<String, Object> mismatch = uploaded(finance, tenant, control, twoRows);
		assertThat(mismatch).containsEntry("status", "FAILED");
		assertThat(problems(mismatch)).singleElement().satisfies(problem -> assertThat(problem).containsEntry("code", "CONTROL_TOTAL_MISMATCH")
			.containsEntry("expected", "170").containsEntry("actual", "130"));
		assertThat(transactionCount(finance, null)).isEqualTo(1);
		assertThat(ingestions(tenant)).isEqualTo(1);

		// Another tenant cannot reach these accounts by IBAN, nor see the imports or the transactions.
		String other = newTenant("import-bank-other");
		var intruder = tester(other, Role.FINANCE);
		Started foreign = start(intruder, "foreign", "BANK_STATEMENT", "releve.csv", MAPPING, 2, "130", OPTIONS);
		assertThat(problems(uploaded(intruder, other, foreign, twoRows))).extracting(problem -> problem.get("code"))
			.containsOnly("UNKNOWN_BANK_ACCOUNT", "CONTROL_TOTAL_MISMATCH");
		assertThat(transactionCount(intruder, null)).isZero();
		intruder.documentName("importNode").variable("id", dup.id()).execute().path("node").valueIsNull();
		tester(tenant, Role.SALES_OPS).documentName("importStart")
			.variable("input", Map.of("idempotencyKey", "k", "kind", "BANK_STATEMENT", "fileName", "r.csv", "columnMapping",
					List.of(Map.of("column", "Compte", "field", "IBAN")), "controlTotals", Map.of("rowCount", 1, "amountSum", "1")))
			.execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
	}

	/**
	 * {@value #ROWS} rows alternating Paris and Lyon: Paris receipts of 250.00 and rent payments of
	 * 100.00 (which the rent rule matches) in turn, Lyon fees of 12.50; {@code replaced} rows are
	 * written as given instead.
	 */
	private static String statement(Map<Integer, String> replaced) {
		StringBuilder csv = new StringBuilder(HEADER);
		for (int row = 1; row <= ROWS; row++) {
			String date = String.format("%02d/03/2026", row % 28 + 1);
			String line;
			if (row % 2 == 0) {
				line = LYON + ";RLV-" + row + ";" + date + ";" + date + ";-12,50;EUR;Crédit Agricole;FRAIS TENUE DE COMPTE";
			}
			else if ((row + 1) / 2 % 2 == 1) {
				line = spaced(PARIS) + ";RLV-" + row + ";" + date + ";" + date + ";250,00;EUR;Client " + row + ";VIR FACTURE F-" + row;
			}
			else {
				line = spaced(PARIS) + ";RLV-" + row + ";" + date + ";" + date + ";-100,00;EUR;SCI Haussmann;PRLV SEPA LOYER BUREAUX";
			}
			csv.append(replaced.getOrDefault(row, line)).append('\n');
		}
		return csv.toString();
	}

	/** The IBAN as printed on a statement, in groups of four. */
	private static String spaced(String iban) {
		return String.join(" ", iban.split("(?<=\\G.{4})"));
	}

	/** Paris (connected to the aggregator) and Lyon accounts opened with 10,000 and 2,000 EUR, and a rent rule. */
	private void bankAccounts(GraphQlTester finance, String tenant) {
		ReceivablesFixtures fixtures = new ReceivablesFixtures(finance);
		String paris = fixtures.account("512000", "ASSET");
		String lyon = fixtures.account("512100", "ASSET");
		String rent = fixtures.account("613200", "EXPENSE");
		bankAccount(finance, "paris", "Compte courant Paris", "BNP Paribas", PARIS, paris, "10000.00", "agg-" + tenant);
		bankAccount(finance, "lyon", "Compte Lyon", "Crédit Agricole", LYON, lyon, "2000.00", null);
		finance.documentName("bankCreateCategorizationRule")
			.variable("input", Map.of("idempotencyKey", "rule-rent", "name", "Loyer", "labelPattern", "PRLV*LOYER*", "priority", 10,
					"accountId", rent))
			.execute()
			.path("createCategorizationRule.userErrors").entityList(Object.class).hasSize(0);
	}

	private static void bankAccount(GraphQlTester finance, String key, String name, String bank, String iban, String ledgerAccount,
			String opening, String externalId) {
		Map<String, Object> input = new LinkedHashMap<>(Map.of("idempotencyKey", key, "name", name, "bankName", bank, "entity", "FR-PARIS",
				"currency", "EUR", "iban", iban, "ledgerAccountId", ledgerAccount, "openingBalance", opening, "openingDate", "2026-01-01"));
		if (externalId != null) {
			input.put("externalId", externalId);
		}
		finance.documentName("bankCreateBankAccount").variable("input", input).execute()
			.path("createBankAccount.userErrors").entityList(Object.class).hasSize(0);
	}

	private static int transactionCount(GraphQlTester tester, String status) {
		return tester.documentName("bankTransactionsList").variable("status", status).execute()
			.path("bankTransactions.totalCount").entity(Integer.class).get();
	}

	private static void assertCash(GraphQlTester tester, String expected) {
		assertThat(tester.documentName("cashPositionQuery").variable("asOf", "2026-12-31").variable("groupBy", List.of()).execute()
			.path("cashPosition.lines[0].balance.amount").entity(BigDecimal.class).get()).isEqualByComparingTo(expected);
	}

	/** How many times bank transactions were stored and announced (audited with each cashPositionChanged). */
	private int ingestions(String tenant) {
		return tester(tenant, Role.AUDITOR).documentName("auditLog").variable("action", "ledger.bank_transactions.ingested")
			.variable("first", 1).execute().path("auditLog.totalCount").entity(Integer.class).get();
	}

	private double activeSubscriptions() {
		return meters.get("graphql.subscriptions.active").gauge().value();
	}

}
