package com.performanceos.platform.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Only the event types some subscription reads travel on the cross-instance fan-out topic. */
class FanoutEventTypesIntegrationTests extends IntegrationTest {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	/** How long after the account's event a journal event would have had to show up. */
	private static final Duration AFTERWARDS = Duration.ofSeconds(2);

	@Autowired
	RedissonClient redisson;

	@Autowired
	EventStream events;

	@Autowired
	JsonMapper json;

	@Test
	void aJournalPostingStaysOffTheTopicWhileAnAccountCreatedTravelsOnIt() {
		String tenant = newTenant("fanout-types");
		List<String> heard = new CopyOnWriteArrayList<>();
		RTopic topic = redisson.getTopic(RedisEventFanout.TOPIC, StringCodec.INSTANCE);
		int listener = topic.addListener(String.class, (channel, message) -> {
			var node = json.readTree(message);
			if (tenant.equals(node.get("tenant").asString())) {
				heard.add(node.get("type").asString());
			}
		});
		try {
			GraphQlTester finance = graphQl(tenant, Role.FINANCE);
			String bank = account(finance, "512000", "ASSET");
			String sales = account(finance, "706000", "REVENUE");
			finance.documentName("postJournalEntry")
				.variable("input", Map.of("idempotencyKey", "p-1", "effectiveDate", "2026-03-02", "description", "Sale", "lines",
						List.of(Map.of("accountId", bank, "side", "DEBIT", "amount", "10", "currency", "EUR"),
								Map.of("accountId", sales, "side", "CREDIT", "amount", "10", "currency", "EUR"))))
				.execute()
				.path("postJournalEntry.userErrors").entityList(Object.class).hasSize(0);
			account(finance, "411000", "ASSET");

			await().atMost(PATIENCE).until(() -> heard.stream().filter("ledger.AccountCreated"::equals).count() == 3);
			await().during(AFTERWARDS).atMost(AFTERWARDS.plusSeconds(1)).until(() -> heard.stream().allMatch("ledger.AccountCreated"::equals));
			assertThat(heard).containsOnly("ledger.AccountCreated");
		}
		finally {
			topic.removeListener(listener);
		}
	}

	@Test
	void aSubscriptionToATypeNoConsumerDeclaresFailsAtOnce() {
		StepVerifier.create(events.events(newTenant("fanout-undeclared"), "ledger.JournalEntryPosted"))
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("ledger.JournalEntryPosted"))
			.verify(PATIENCE);
	}

	private static String account(GraphQlTester tester, String code, String type) {
		return tester.documentName("createAccount")
			.variable("input", Map.of("idempotencyKey", "acc-" + code, "code", code, "name", code, "type", type, "currency", "EUR"))
			.execute()
			.path("createAccount.account.id").entity(String.class).get();
	}

}
