package com.performanceos.ledger.imports;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.performanceos.platform.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

class ImportJobProgressIntegrationTests extends ImportIntegrationSupport {

	private static final Map<String, String> MAPPING = Map.of("Piece", "ENTRY_REFERENCE", "Date", "EFFECTIVE_DATE", "Compte",
			"ACCOUNT_CODE", "Debit", "DEBIT", "Credit", "CREDIT", "Devise", "CURRENCY");

	@Test
	@SuppressWarnings("unchecked")
	void jobProgressStreamsOverWebSocketAndEndsWithTheSucceededState() {
		String tenant = newTenant("import-progress");
		var finance = tester(tenant, Role.FINANCE);
		account(finance, "411000", "ASSET");
		account(finance, "706000", "REVENUE");
		int rows = 10_000;
		Started started = start(finance, "progress", "JOURNAL_LINES", "grand-livre.csv", MAPPING, rows,
				ImportJournalLinesIntegrationTests.debitSum(rows), Map.of("delimiter", ";", "decimalSeparator", "COMMA", "dateFormat", "dd/MM/yyyy"));
		Map<String, Object> answer = upload(tenant, Role.FINANCE, started.uploadUrl(), ImportJournalLinesIntegrationTests.journalFile(rows, -1))
			.expectStatus().isAccepted().expectBody(IMPORT_TYPE).returnResult().getResponseBody();
		String jobId = (String) answer.get("jobId");

		List<Map<String, Object>> states = webSocket(tokens.token(tenant, Role.FINANCE)).document(document("importJobProgress"))
			.variable("id", jobId)
			.retrieveSubscription("jobProgress")
			.toEntity(Map.class)
			.map(state -> (Map<String, Object>) state)
			.collectList()
			.block(JOB_WINDOW);

		assertThat(states).isNotEmpty();
		assertThat(states).allSatisfy(state -> assertThat(state).containsEntry("id", jobId).containsEntry("kind", "ledger.import"));
		Map<String, Object> last = states.get(states.size() - 1);
		assertThat(last).containsEntry("status", "SUCCEEDED");
		assertThat((Map<String, Object>) last.get("progress")).containsEntry("done", rows * 2).containsEntry("total", rows * 2)
			.containsEntry("percent", 100);
		assertThat((Map<String, Object>) last.get("result")).containsEntry("importId", started.id()).containsEntry("recordCount", rows / 2);
		List<Integer> done = states.stream().map(state -> ((Number) ((Map<String, Object>) state.get("progress")).get("done")).intValue()).toList();
		assertThat(done).isSorted();

		finance.document("query($id: ID!) { job(id: $id) { status progress { percent } } }").variable("id", jobId).execute()
			.path("job.status").entity(String.class).isEqualTo("SUCCEEDED");
	}

}
