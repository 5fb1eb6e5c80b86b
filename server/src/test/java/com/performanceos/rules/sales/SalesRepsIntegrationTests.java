package com.performanceos.rules.sales;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import com.performanceos.rules.commissions.runs.CommissionsWorld;
import com.performanceos.testsupport.IntegrationTest;

/** {@code recordSalesReps}: a login (subject) is one rep's, refused as a typed input error, never an internal one. */
class SalesRepsIntegrationTests extends IntegrationTest {

	private static Map<String, Object> rep(String code, String subject) {
		return Map.of("code", code, "name", "Rep " + code, "role", "AE", "subject", subject);
	}

	private GraphQlTester.Response record(CommissionsWorld world, List<Map<String, Object>> reps) {
		return world.salesOps.documentName("commissionsRecordReps").variable("input", Map.of("reps", reps, "managers", List.of())).execute();
	}

	@Test
	void aSubjectHeldTwiceInOneCallOrByAnotherRepIsRefusedAndChangesNothing() {
		CommissionsWorld world = new CommissionsWorld("http://127.0.0.1:" + port, tokens, newTenant("sales-reps-subject"));

		GraphQlTester.Response twice = record(world, List.of(rep("ana", "login-1"), rep("bob", "login-1")));
		twice.path("recordSalesReps.userErrors[*].code").entityList(String.class).containsExactly("INVALID_INPUT");
		twice.path("recordSalesReps.userErrors[0].field").entityList(String.class).containsExactly("input", "reps", "1", "subject");

		record(world, List.of(rep("ana", "login-1"))).path("recordSalesReps.userErrors").entityList(Object.class).hasSize(0);
		GraphQlTester.Response taken = record(world, List.of(rep("bob", "login-1"), rep("cyd", "login-3")));
		taken.path("recordSalesReps.userErrors[*].code").entityList(String.class).containsExactly("INVALID_INPUT");
		taken.path("recordSalesReps.reps").entityList(Object.class).hasSize(0);

		// Nothing of the refused call was written: had cyd been stored with login-3, dan could not take it now.
		GraphQlTester.Response dan = record(world, List.of(rep("dan", "login-3")));
		dan.path("recordSalesReps.userErrors").entityList(Object.class).hasSize(0);
		dan.path("recordSalesReps.reps[*].code").entityList(String.class).containsExactly("dan");
	}

}
