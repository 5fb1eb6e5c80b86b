package com.performanceos.ledger.mappings;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.security.Role;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class AccountMappingIntegrationTests extends IntegrationTest {

	@Autowired
	TenantDatabase database;

	@Test
	void aSourceCodeMapsToOnePivotAccountAndReplaysIdempotently() {
		GraphQlTester finance = graphQl(newTenant("map"), Role.FINANCE);
		String customers = account(finance, "411000", "ASSET");
		String bank = account(finance, "512000", "ASSET");
		String id = map(finance, "k1", "SAGE", "411CLI", "Clients divers", customers)
			.path("mapAccount.userErrors").entityList(Object.class).hasSize(0)
			.path("mapAccount.mapping.account.code").entity(String.class).isEqualTo("411000")
			.path("mapAccount.mapping.id").entity(String.class).get();
		map(finance, "k1", "SAGE", "411CLI", "Clients divers", customers)
			.path("mapAccount.mapping.id").entity(String.class).isEqualTo(id);
		map(finance, "k1", "SAGE", "411CLI", "Clients divers", bank)
			.path("mapAccount.userErrors[0].code").entity(String.class).isEqualTo("IDEMPOTENCY_CONFLICT");
		map(finance, "k2", "sage", "411CLI", null, bank)
			.path("mapAccount.mapping").valueIsNull()
			.path("mapAccount.userErrors[0].code").entity(String.class).isEqualTo("DUPLICATE_MAPPING")
			.path("mapAccount.userErrors[0].field").entity(List.class).isEqualTo(List.of("input", "sourceCode"));
		map(finance, "k3", "EXACT", "411CLI", null, customers)
			.path("mapAccount.mapping.source").entity(String.class).isEqualTo("EXACT");
		map(finance, "k4", "PCG", "512", "Banques", bank)
			.path("mapAccount.mapping.label").entity(String.class).isEqualTo("Banques");

		finance.documentName("coreAccountMappings").variable("source", "sage").execute()
			.path("accountMappings.totalCount").entity(Integer.class).isEqualTo(1)
			.path("accountMappings.nodes[0].sourceCode").entity(String.class).isEqualTo("411CLI");
		var firstPage = finance.documentName("coreAccountMappings").variable("first", 2).execute();
		firstPage.path("accountMappings.totalCount").entity(Integer.class).isEqualTo(3)
			.path("accountMappings.nodes[*].source").entityList(String.class).containsExactly("EXACT", "PCG");
		String after = firstPage.path("accountMappings.pageInfo.endCursor").entity(String.class).get();
		finance.documentName("coreAccountMappings").variable("first", 2).variable("after", after).execute()
			.path("accountMappings.nodes[*].source").entityList(String.class).containsExactly("SAGE");
	}

	@Test
	void anUnknownOrForeignAccountIsRefused() {
		GraphQlTester a = graphQl(newTenant("map-a"), Role.FINANCE);
		String foreign = account(a, "411000", "ASSET");
		GraphQlTester b = graphQl(newTenant("map-b"), Role.ADMIN);
		map(b, "k", "SAGE", "411CLI", null, foreign)
			.path("mapAccount.userErrors[0].code").entity(String.class).isEqualTo("UNKNOWN_ACCOUNT");
		map(b, "k2", "SAGE", "411CLI", null, "not-an-id")
			.path("mapAccount.userErrors[0].code").entity(String.class).isEqualTo("UNKNOWN_ACCOUNT");
		b.documentName("coreAccountMappings").execute().path("accountMappings.totalCount").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void resolveTranslatesMappedCodesOfOneSourceWithinTheTenant() {
		String tenant = newTenant("map-resolve");
		GraphQlTester finance = graphQl(tenant, Role.FINANCE);
		String customers = account(finance, "411000", "ASSET");
		String sales = account(finance, "706000", "REVENUE");
		map(finance, "k1", "SAGE", "411CLI", null, customers);
		map(finance, "k2", "SAGE", "706PRE", null, sales);
		map(finance, "k3", "EXACT", "1300", null, customers);

		Map<String, UUID> resolved = database.run(tenant,
				tx -> AccountMappings.resolve(tx, "sage", List.of("411CLI", "706PRE", "1300", "UNKNOWN"))).block();
		assertThat(resolved).containsOnly(Map.entry("411CLI", GlobalId.decode(customers, "Account").orElseThrow()),
				Map.entry("706PRE", GlobalId.decode(sales, "Account").orElseThrow()));

		String other = newTenant("map-resolve-other");
		assertThat(database.run(other, tx -> AccountMappings.resolve(tx, "SAGE", List.of("411CLI"))).block()).isEmpty();
	}

	private static GraphQlTester.Response map(GraphQlTester tester, String key, String source, String sourceCode, String label,
			String accountId) {
		Map<String, Object> input = new HashMap<>(Map.of("idempotencyKey", key, "source", source, "sourceCode", sourceCode,
				"accountId", accountId));
		if (label != null) {
			input.put("label", label);
		}
		return tester.documentName("coreMapAccount").variable("input", input).execute();
	}

	private static String account(GraphQlTester tester, String code, String type) {
		return tester.documentName("createAccount")
			.variable("input", Map.of("idempotencyKey", "acc-" + code, "code", code, "name", code, "type", type, "currency", "EUR"))
			.execute().path("createAccount.account.id").entity(String.class).get();
	}

}
