package com.performanceos.security;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dates are strict calendar days and date-times lie within the one supported range (1970-01-01 to
 * 2099-12-31), on every edge: GraphQL arguments (literals and variables), nested input fields, and HTTP
 * query parameters. A refusal is typed and names the field; nothing is stored or silently changed.
 */
class DateInputTests extends IntegrationTest {

	private static final Set<String> INPUT_CODES = Set.of("BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED");

	private static final String POST = """
			mutation($input: PostJournalEntryInput!) {
			  postJournalEntry(input: $input) { entry { effectiveDate } userErrors { code field } }
			}""";

	@Test
	void refusesImpossibleAndOutOfRangeEffectiveDatesOfAPostingAndStoresNothing() {
		String tenant = newTenant("dates");
		String token = tokens.token(tenant, Role.ADMIN);
		String bank = account(token, "512000", "ASSET");
		String sales = account(token, "706000", "REVENUE");
		for (String date : List.of("2026-02-30", "2026-04-31", "2025-02-29", "9999-12-31", "0001-01-01", "1899-12-31", "1969-12-31",
				"2100-01-01", "+999999999-12-31")) {
			var answer = Probe.graphQl(web, token, POST, Map.of("input", entry(date, bank, sales)));
			assertThat(answer.status()).isEqualTo(200);
			assertThat(answer.firstErrorCode()).as(date).isIn(INPUT_CODES);
			// graphql-java names the variable and the value refused; the server adds the nested field's path.
			assertThat(answer.firstError().path("message").asString()).as(date).contains("'input'", date);
			assertThat(answer.firstError().path("extensions").path("argument").asString()).as(date).isEqualTo("input.effectiveDate");
		}
		var stored = Probe.graphQl(web, token, "{ journalEntries(first: 10) { totalCount } }", Map.of());
		assertThat(stored.json().at("/data/journalEntries/totalCount").asInt()).isZero();
		var leap = Probe.graphQl(web, token, POST, Map.of("input", entry("2028-02-29", bank, sales)));
		assertThat(leap.json().at("/data/postJournalEntry/entry/effectiveDate").asString()).isEqualTo("2028-02-29");
		var edge = Probe.graphQl(web, token, POST, Map.of("input", entry("2099-12-31", bank, sales)));
		assertThat(edge.json().at("/data/postJournalEntry/entry/effectiveDate").asString()).isEqualTo("2099-12-31");
	}

	@Test
	void refusesImpossibleDatesInQueryLiteralsAndVariables() {
		String token = tokens.token(newTenant("date-query"), Role.ADMIN);
		var literal = Probe.graphQl(web, token, "{ journalEntries(first: 5, effectiveTo: \"2026-04-31\") { totalCount } }", Map.of());
		assertThat(literal.firstErrorCode()).isIn(INPUT_CODES);
		assertThat(literal.firstError().path("message").asString()).contains("effectiveTo");
		var cube = Probe.graphQl(web, token, """
				query($input: LedgerCubeInput!) { ledgerCube(input: $input) { rows { period } } }""",
				Map.of("input", Map.of("effectiveFrom", "1969-12-01", "effectiveTo", "1970-01-31", "grain", "MONTH", "measures",
						List.of("DEBIT"), "dimensions", List.of())));
		assertThat(cube.firstErrorCode()).as(cube.text()).isIn(INPUT_CODES);
	}

	@Test
	void refusesDateTimesOutsideTheRangeInGraphQlAndHttp() {
		String tenant = newTenant("datetime");
		String token = tokens.token(tenant, Role.ADMIN);
		var huge = Probe.graphQl(web, token, "query($from: DateTime) { auditLog(first: 5, from: $from) { totalCount } }",
				Map.of("from", "+999999999-12-31T23:59:59Z"));
		assertThat(huge.status()).isEqualTo(200);
		assertThat(huge.firstErrorCode()).isIn(INPUT_CODES);
		assertThat(huge.firstError().path("message").asString()).contains("between 1970-01-01 and 2099-12-31");

		var audit = Probe.get(web, token, "/exports/audit-log.csv?from=%2B999999999-12-31T23:59:59Z");
		assertThat(audit.status()).isEqualTo(400);
		assertThat(audit.firstErrorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(audit.firstError().path("extensions").path("field").asString()).isEqualTo("from");

		var journal = Probe.get(web, token, "/exports/journal-entries.csv?from=2026-01-01&to=2026-02-30");
		assertThat(journal.status()).isEqualTo(400);
		assertThat(journal.firstError().path("extensions").path("field").asString()).isEqualTo("to");

		var nul = Probe.get(web, token, "/exports/journal-entries.json?from=2026-01-01%00");
		assertThat(nul.status()).isEqualTo(400);
		assertThat(nul.firstError().path("extensions").path("field").asString()).isEqualTo("from");

		var cockpit = Probe.get(web, token, "/exports/cockpit.pdf?asOf=0001-01-01");
		assertThat(cockpit.status()).isEqualTo(400);
		assertThat(cockpit.firstError().path("extensions").path("field").asString()).isEqualTo("asOf");
	}

	private static Map<String, Object> entry(String date, String debit, String credit) {
		return Map.of("idempotencyKey", "k-" + date, "description", "Sale", "effectiveDate", date, "lines",
				List.of(Map.of("accountId", debit, "side", "DEBIT", "amount", "10.00", "currency", "EUR"),
						Map.of("accountId", credit, "side", "CREDIT", "amount", "10.00", "currency", "EUR")));
	}

	private String account(String token, String code, String type) {
		var answer = Probe.graphQl(web, token, """
				mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { id } } }""",
				Map.of("input", Map.of("idempotencyKey", "k-" + code, "code", code, "name", "Account " + code, "currency", "EUR", "type", type)));
		String id = answer.json().at("/data/createAccount/account/id").asString("");
		assertThat(id).as(answer.text()).isNotEmpty();
		return id;
	}

}
