package com.performanceos.scenarios.planning;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Driver edit locks and presence through the GraphQL API, held in the real Redis: two people of one tenant, and another tenant. */
class ScenarioCollaborationIntegrationTests extends IntegrationTest {

	private static final String LOCK = "mutation($input: ScenarioDriverLockInput!) { lockScenarioDriver(input: $input) { "
			+ "lock { holder driver expiresAt } userErrors { code field } } }";

	private static final String UPDATE = "mutation($input: UpdateScenarioDriversInput!) { updateScenarioDrivers(input: $input) { "
			+ "scenario { revision } userErrors { code } } }";

	@Test
	void aLockedDriverRefusesOthersChangesUntilReleasedAndOtherDriversStayFree() throws Exception {
		String tenant = newTenant("locks");
		GraphQlTester alice = as("alice", tenant, Role.FINANCE);
		GraphQlTester bob = as("bob", tenant, Role.FINANCE);
		String scenario = ScenarioFixture.scenario(alice, "Base", "BASE", Map.of());
		Map<String, Object> rate = Map.of("scenarioId", scenario, "driver", "COLLECTION_RATE");

		GraphQlTester.Response locked = alice.document(LOCK).variable("input", rate).execute();
		locked.path("lockScenarioDriver.lock.holder").entity(String.class).isEqualTo("alice");
		Instant expires = Instant.parse(locked.path("lockScenarioDriver.lock.expiresAt").entity(String.class).get());
		assertThat(Duration.between(Instant.now(), expires)).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(31));

		bob.document(LOCK).variable("input", rate).execute()
			.path("lockScenarioDriver.lock").valueIsNull()
			.path("lockScenarioDriver.userErrors[0].code").entity(String.class).isEqualTo("DRIVER_LOCKED");
		bob.document(UPDATE).variable("input", Map.of("scenarioId", scenario, "revision", 1, "drivers", Map.of("collectionRate", "0.5")))
			.execute().path("updateScenarioDrivers.userErrors[0].code").entity(String.class).isEqualTo("DRIVER_LOCKED");
		// Another driver is free; the holder may change hers.
		bob.document(UPDATE).variable("input", Map.of("scenarioId", scenario, "revision", 1, "drivers", Map.of("payablesStretchDays", 5)))
			.execute().path("updateScenarioDrivers.scenario.revision").entity(Integer.class).isEqualTo(2);
		alice.document(UPDATE).variable("input", Map.of("scenarioId", scenario, "revision", 2,
				"drivers", Map.of("payablesStretchDays", 5, "collectionRate", "0.9")))
			.execute().path("updateScenarioDrivers.scenario.revision").entity(Integer.class).isEqualTo(3);

		// Activity renews the lock; releasing it frees the driver for the next person.
		Thread.sleep(1100);
		Instant renewed = Instant.parse(alice.document(LOCK).variable("input", rate).execute()
			.path("lockScenarioDriver.lock.expiresAt").entity(String.class).get());
		assertThat(renewed).isAfter(expires);
		String release = "mutation($input: ScenarioDriverLockInput!) { releaseScenarioDriverLock(input: $input) { released } }";
		bob.document(release).variable("input", rate).execute().path("releaseScenarioDriverLock.released").entity(Boolean.class).isEqualTo(false);
		alice.document(release).variable("input", rate).execute().path("releaseScenarioDriverLock.released").entity(Boolean.class).isEqualTo(true);
		bob.document(LOCK).variable("input", rate).execute().path("lockScenarioDriver.lock.holder").entity(String.class).isEqualTo("bob");

		// Another tenant's scenario is unknown, locks included.
		as("mallory", newTenant("locks-other"), Role.FINANCE).document(LOCK).variable("input", rate).execute()
			.path("lockScenarioDriver.userErrors[0].code").entity(String.class).isEqualTo("SCENARIO_NOT_FOUND");
	}

	@Test
	void presenceListsWhoIsViewingOrEditingAScenarioOfTheTenantOnly() {
		String tenant = newTenant("presence");
		GraphQlTester alice = as("alice", tenant, Role.FINANCE);
		String scenario = ScenarioFixture.scenario(alice, "Base", "BASE", Map.of());
		String announce = "mutation($input: AnnounceScenarioPresenceInput!) { announceScenarioPresence(input: $input) { "
				+ "present { subject mode } userErrors { code } } }";
		alice.document(announce).variable("input", Map.of("scenarioId", scenario, "mode", "EDITING")).execute()
			.path("announceScenarioPresence.present[*].subject").entityList(String.class).containsExactly("alice");
		as("carol", tenant, Role.ANALYST).document(announce).variable("input", Map.of("scenarioId", scenario, "mode", "VIEWING")).execute()
			.path("announceScenarioPresence.present[*].subject").entityList(String.class).containsExactly("alice", "carol");

		String present = "query($id: ID!) { scenarioPresence(scenarioId: $id) { subject mode lastSeenAt } }";
		as("auditor", tenant, Role.AUDITOR).document(present).variable("id", scenario).execute()
			.path("scenarioPresence[*].mode").entityList(String.class).containsExactly("EDITING", "VIEWING");
		as("mallory", newTenant("presence-other"), Role.FINANCE).document(present).variable("id", scenario).execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND")));
		as("rep", tenant, Role.REP).document(present).variable("id", scenario).execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")));
	}

	private HttpGraphQlTester as(String subject, String tenant, Role role) {
		return HttpGraphQlTester.builder(web.mutate().baseUrl("http://127.0.0.1:" + port + "/graphql"))
			.header("Authorization", "Bearer " + tokens.token(subject, tenant, role))
			.responseTimeout(Duration.ofSeconds(60))
			.build();
	}

}
