package com.performanceos.ledger.journal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.Money;
import com.performanceos.platform.security.Role;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalPostingIntegrationTests extends IntegrationTest {

	private static final Currency EUR = Currency.getInstance("EUR");

	@Autowired
	JournalPosting posting;

	@Autowired
	TenantDatabase database;

	@Test
	void postsInsideTheCallersTransactionAndRefusesWithEveryProblem() {
		String tenant = newTenant("posting");
		var finance = graphQl(tenant, Role.FINANCE);
		UUID bank = account(finance, "512000", "ASSET");
		UUID sales = account(finance, "706000", "REVENUE");

		List<UUID> keys = database.run(tenant, tx -> posting.post(tx, List.of(
				entry(bank, sales, "10.00", "10.00"), entry(bank, sales, "2.50", "2.50")), UUID.randomUUID())).block();
		assertThat(keys).hasSize(2).doesNotHaveDuplicates();

		assertThatThrownBy(() -> database.run(tenant, tx -> posting.post(tx,
				List.of(entry(bank, sales, "1.00", "1.00"), entry(bank, sales, "5.00", "4.00")), null)).block())
			.isInstanceOfSatisfying(JournalPosting.Rejected.class, rejected -> assertThat(rejected.problems())
				.singleElement()
				.satisfies(problem -> {
					assertThat(problem.entryIndex()).isEqualTo(1);
					assertThat(problem.code()).isEqualTo(JournalErrorCode.UNBALANCED_ENTRY);
				}));
		assertThatThrownBy(() -> database.run(tenant, tx -> posting.post(tx,
				List.of(entry(UUID.randomUUID(), sales, "1.00", "1.00")), null)).block())
			.isInstanceOfSatisfying(JournalPosting.Rejected.class,
					rejected -> assertThat(rejected.problems()).extracting(JournalProblem::code).containsExactly(JournalErrorCode.UNKNOWN_ACCOUNT));

		finance.document("{ journalEntries(first: 10) { totalCount } }").execute()
			.path("journalEntries.totalCount").entity(Integer.class).isEqualTo(2);
	}

	private static JournalDraft entry(UUID debit, UUID credit, String debitAmount, String creditAmount) {
		return new JournalDraft(LocalDate.of(2026, 5, 4), "Imported sale", "INV-1", List.of(
				new JournalDraft.Line(debit, EntrySide.DEBIT, new Money(new BigDecimal(debitAmount), EUR), null),
				new JournalDraft.Line(credit, EntrySide.CREDIT, new Money(new BigDecimal(creditAmount), EUR), null)));
	}

	private static UUID account(org.springframework.graphql.test.tester.GraphQlTester tester, String code, String type) {
		String id = tester.documentName("createAccount")
			.variable("input", Map.of("idempotencyKey", "acc-" + code, "code", code, "name", code, "type", type, "currency", "EUR"))
			.execute().path("createAccount.account.id").entity(String.class).get();
		return GlobalId.decode(id, "Account").orElseThrow();
	}

}
