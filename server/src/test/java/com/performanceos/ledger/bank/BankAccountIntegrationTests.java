package com.performanceos.ledger.bank;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.performanceos.platform.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

class BankAccountIntegrationTests extends BankTestSupport {

	private static final String IBAN = iban("30006000011234567890189");

	@Test
	void refusesAnInvalidIbanAndCreatesNothing() {
		String tenant = newTenant("bank-iban");
		var finance = graphQl(tenant, Role.FINANCE);
		String pivot = ledgerAccount(finance, "512000", "ASSET", "EUR");
		String oneDigitOff = IBAN.substring(0, IBAN.length() - 1) + (IBAN.charAt(IBAN.length() - 1) == '9' ? '8' : '9');

		finance.documentName("bankCreateBankAccount")
			.variable("input", bankAccountInput("bad-iban", "Compte courant", "BNP Paribas", "FR-PARIS", "EUR", oneDigitOff, pivot, "0",
					"2026-01-01", null))
			.execute()
			.path("createBankAccount.bankAccount").valueIsNull()
			.path("createBankAccount.userErrors[0].code").entity(String.class).isEqualTo("INVALID_IBAN")
			.path("createBankAccount.userErrors[0].field").entityList(String.class).containsExactly("input", "iban");
		finance.documentName("bankAccountsList").execute().path("bankAccounts.totalCount").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void refusesAPivotAccountInAnotherCurrencyAndADuplicateIban() {
		String tenant = newTenant("bank-checks");
		var finance = graphQl(tenant, Role.FINANCE);
		String euros = ledgerAccount(finance, "512000", "ASSET", "EUR");
		String dollars = ledgerAccount(finance, "512200", "ASSET", "USD");
		finance.documentName("bankCreateBankAccount")
			.variable("input", bankAccountInput("usd", "USD account", "HSBC", "FR-PARIS", "EUR", IBAN, dollars, "0", "2026-01-01", null))
			.execute()
			.path("createBankAccount.userErrors[0].code").entity(String.class).isEqualTo("CURRENCY_MISMATCH");
		bankAccount(finance, bankAccountInput("first", "Compte courant", "BNP Paribas", "FR-PARIS", "EUR", IBAN, euros, "0", "2026-01-01", null));
		finance.documentName("bankCreateBankAccount")
			.variable("input", bankAccountInput("second", "Same IBAN, spaced", "BNP Paribas", "FR-PARIS", "EUR",
					IBAN.replaceAll("(.{4})", "$1 ").toLowerCase(), euros, "0", "2026-01-01", null))
			.execute()
			.path("createBankAccount.userErrors[0].code").entity(String.class).isEqualTo("DUPLICATE_IBAN");
	}

	@Test
	void storesTheIbanEncryptedAndNeverInClear() throws Exception {
		String tenant = newTenant("bank-clear");
		var admin = graphQl(tenant, Role.ADMIN);
		String pivot = ledgerAccount(admin, "512000", "ASSET", "EUR");
		String id = bankAccount(admin, bankAccountInput("enc", "Compte courant", "BNP Paribas", "FR-PARIS", "EUR", IBAN, pivot, "1000.00",
				"2026-01-01", "agg-" + tenant));
		admin.documentName("bankAccountsList").execute().path("bankAccounts.nodes[0].iban").entity(String.class).isEqualTo(IBAN);

		List<List<String>> stored = superuserRows("SELECT b::text, iban_encrypted FROM ledger_bank_account b WHERE tenant_id = ?", tenant);
		assertThat(stored).singleElement().satisfies(row -> {
			assertThat(row.get(0)).doesNotContain(IBAN).doesNotContain(IBAN.substring(4));
			assertThat(row.get(1)).startsWith("v1:");
		});
		// Nor anywhere else the creation wrote: its audit record, its idempotency claim, the outbox.
		for (String table : List.of("audit_log", "idempotency_key", "outbox_event")) {
			assertThat(superuserRows("SELECT t::text FROM " + table + " t WHERE tenant_id = ?", tenant))
				.as(table).allSatisfy(row -> assertThat(row.get(0)).doesNotContain(IBAN.substring(4)));
		}
		assertThat(id).isNotBlank();
	}

	@Test
	void anAdminSeesTheIbanInFullAnExternalViewerMaskedAndTheMaskedReadIsAudited() throws Exception {
		String tenant = newTenant("bank-mask");
		var admin = graphQl(tenant, Role.ADMIN);
		String pivot = ledgerAccount(admin, "512000", "ASSET", "EUR");
		String id = bankAccount(admin, bankAccountInput("mask", "Compte courant", "BNP Paribas", "FR-PARIS", "EUR", IBAN, pivot, "0",
				"2026-01-01", null));

		admin.documentName("bankAccountsList").execute().path("bankAccounts.nodes[0].iban").entity(String.class).isEqualTo(IBAN);
		assertThat(maskedReads(tenant)).isEmpty();

		String masked = IBAN.substring(0, IBAN.length() - 6) + "******";
		graphQl(tenant, Role.EXTERNAL_VIEWER).documentName("bankAccountsList").execute()
			.path("bankAccounts.nodes[0].iban").entity(String.class).isEqualTo(masked);
		graphQl(tenant, Role.EXTERNAL_VIEWER).document("query($id: ID!) { node(id: $id) { ... on BankAccount { iban } } }")
			.variable("id", id).execute()
			.path("node.iban").entity(String.class).isEqualTo(masked);

		assertThat(maskedReads(tenant)).hasSize(2).allSatisfy(row -> {
			assertThat(row.get(0)).isEqualTo(BankAccountController.MASKED_VIEW_ACTION);
			assertThat(row.get(1)).isNotBlank();
			assertThat(row.get(2)).isEqualTo(id);
		});
	}

	@Test
	void anExternalViewerCannotCreateABankAccount() {
		String tenant = newTenant("bank-forbidden");
		graphQl(tenant, Role.EXTERNAL_VIEWER).documentName("bankCreateBankAccount")
			.variable("input", bankAccountInput("x", "x", "x", "FR-PARIS", "EUR", IBAN, "QWNjb3VudDo", "0", "2026-01-01", null))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).isNotEmpty()
				.allSatisfy(error -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
	}

	private static List<List<String>> maskedReads(String tenant) throws Exception {
		return superuserRows("SELECT action, actor, target_id FROM audit_log WHERE tenant_id = ? AND action = ? ORDER BY seq", tenant,
				BankAccountController.MASKED_VIEW_ACTION);
	}


}
