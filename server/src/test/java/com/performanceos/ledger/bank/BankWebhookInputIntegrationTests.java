package com.performanceos.ledger.bank;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.performanceos.platform.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed delivery whose strings or dates the ledger cannot hold is a 400 naming the field, and stores
 * nothing: NUL in a label, controls in an id, impossible dates and dates outside the supported range.
 * An unsigned delivery with a NUL account id is a plain 401, not a failure while attributing it.
 */
class BankWebhookInputIntegrationTests extends BankTestSupport {

	@Test
	void refusesControlCharactersAndUnsupportedDatesNamingTheField() {
		String tenant = newTenant("bank-input");
		String externalId = "agg-" + tenant;
		var finance = graphQl(tenant, Role.FINANCE);
		String pivot = ledgerAccount(finance, "512000", "ASSET", "EUR");
		bankAccount(finance, bankAccountInput("bank-1", "Compte courant", "BNP Paribas", "FR-PARIS", "EUR", iban("30004000031234567890143"),
				pivot, "0", "2026-01-01", externalId));
		record Case(String field, byte[] body) {
		}
		for (Case refused : List.of(
				new Case("transactions[0].label", batch(externalId, List.of(transaction("tx-1", "2026-05-04", "10", "EUR", "X", "VIR\u0000X")))),
				new Case("transactions[0].id", batch(externalId, List.of(transaction("tx\n1", "2026-05-04", "10", "EUR", "X", "Y")))),
				new Case("transactions[0].bookingDate", batch(externalId, List.of(transaction("tx-1", "2026-02-30", "10", "EUR", "X", "Y")))),
				new Case("transactions[0].bookingDate", batch(externalId, List.of(transaction("tx-1", "9999-12-31", "10", "EUR", "X", "Y")))),
				new Case("batch.accountId", batch(externalId + "\u0000", List.of(transaction("tx-1", "2026-05-04", "10", "EUR", "X", "Y")))))) {
			String answer = new String(deliverSigned(refused.body()).expectStatus().isBadRequest().expectBody().returnResult().getResponseBody(),
					StandardCharsets.UTF_8);
			assertThat(answer).as(refused.field()).contains(refused.field());
		}
		deliver(batch("agg\u0000x", List.of()), "sha256=00", String.valueOf(System.currentTimeMillis() / 1000)).expectStatus().isUnauthorized();
		finance.documentName("bankTransactionsList").execute().path("bankTransactions.totalCount").entity(Integer.class).isEqualTo(0);
	}

}
