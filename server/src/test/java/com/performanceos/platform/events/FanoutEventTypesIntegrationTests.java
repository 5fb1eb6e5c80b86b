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

	@Autowired
	RedisEventFanout fanout;

	@Test
	void aJournalPostingStaysOffTheTopicWhileAnAccountCreatedTravelsOnIt() {
		String tenant = newTenant("fanout-types");
		List<String> heard = new CopyOnWriteArrayList<>();
		RTopic topic = redisson.getTopic(RedisEventFanout.TOPIC, StringCodec.INSTANCE);
		int listener = topic.addListener(String.class, (channel, message) -> {
			var node = json.readTree(message);
			// A relayed batch is one message of several events; a live event is a message of its own.
			var batch = node.get("events");
			for (var event : batch == null ? List.of(node) : batch.valueStream().toList()) {
				if (tenant.equals(event.get("tenant").asString())) {
					heard.add(event.get("type").asString());
				}
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
	void aRelayedBatchTravelsAsFewMessagesAsItsSizeAllowsAndReachesSubscribersInOrder() {
		String tenant = newTenant("fanout-batch");
		String type = "ledger.AccountCreated";
		String large = "x".repeat((int) RedisEventFanout.MESSAGE_BYTES);
		List<DomainEvent> batch = new java.util.ArrayList<>();
		for (int i = 0; i < 500; i++) {
			batch.add(event(tenant, type, i == 250 ? "{\"n\":" + i + ",\"padding\":\"" + large + "\"}" : "{\"n\":" + i + "}"));
		}
		batch.add(2, event(tenant, "ledger.JournalEntryPosted", "{\"n\":-1}"));
		List<String> messages = fanout.messages(batch.stream().filter(event -> fanout.accepts(event.type())).toList());
		// 250 small events, the large one alone, 249 small ones: the large one cannot share a message.
		assertThat(messages.stream().map(message -> json.readTree(message).get("events").size()).toList()).containsExactly(250, 1, 249);
		assertThat(json.readTree(json.readTree(messages.get(1)).get("events").get(0).get("payload").asString()).get("n").asInt()).isEqualTo(250);

		StepVerifier.create(events.events(tenant, type).map(event -> json.readTree(event.payload()).get("n").asInt()).take(500))
			.then(() -> fanout.deliver(batch).block(PATIENCE))
			.expectNextSequence(java.util.stream.IntStream.range(0, 500).boxed().toList())
			.expectComplete()
			.verify(PATIENCE);
	}

	private static DomainEvent event(String tenant, String type, String payload) {
		return new DomainEvent(java.util.UUID.randomUUID(), tenant, type, java.time.Instant.parse("2026-03-02T10:00:00Z"), payload);
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
