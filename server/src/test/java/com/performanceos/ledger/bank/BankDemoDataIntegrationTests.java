package com.performanceos.ledger.bank;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.performanceos.platform.security.Role;
import com.performanceos.platform.security.Viewer;

class BankDemoDataIntegrationTests extends BankTestSupport {

	@Autowired
	DemoBankData demo;

	@Test
	void seedsBankAccountsRulesAndTransactionsSomeLeftForTheManualQueue() {
		String tenant = newTenant("bank-demo");
		var admin = graphQl(tenant, Role.ADMIN);
		for (String code : new String[] { "512000", "512100", "613200", "622600", "641000", "645000" }) {
			ledgerAccount(admin, code, code.startsWith("5") ? "ASSET" : "EXPENSE", "EUR");
		}
		demo.seed(new Viewer("demo-seed", tenant, EnumSet.of(Role.ADMIN))).block();

		admin.documentName("bankAccountsList").execute().path("bankAccounts.totalCount").entity(Integer.class).isEqualTo(2);
		admin.documentName("bankTransactionsList").variable("status", "CATEGORIZED").execute()
			.path("bankTransactions.totalCount").entity(Integer.class).isEqualTo(5);
		admin.documentName("bankUnmatchedTransactions").execute()
			.path("unmatchedBankTransactions.totalCount").entity(Integer.class).isEqualTo(5);
	}

}
