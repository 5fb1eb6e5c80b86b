package com.performanceos.tenders.watch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.security.Role;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.tenders.ReferenceDataFiles;
import com.performanceos.tenders.TenderScenario;
import com.performanceos.testsupport.IntegrationTest;
import com.performanceos.testsupport.TestServices;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Market watch end to end: BOAMP and TED stood in for by WireMock (TED answering the five real notices of
 * {@code reference-data/procurement/ted/}, BOAMP records written to its documented field list), a tender published
 * here, saved searches of two vendors, and their {@code tenderMatched} subscriptions over WebSocket.
 */
// The same egress allowance as the escalation tests (WireMock listens on loopback): one shared application context.
@TestPropertySource(properties = "performanceos.egress.allowed-destinations=127.0.0.0/8,::1")
class MarketWatchIntegrationTests extends IntegrationTest {

	/** The acceptance bound: a match reaches its subscriber within one second of the ingestion. */
	private static final Duration DELIVERY = Duration.ofSeconds(1);

	private static final String SAVE = """
			mutation($input: CreateSavedSearchInput!) { createSavedSearch(input: $input) {
			  savedSearch { id name cpvPrefixes keywords departments } userErrors { code message field } } }""";

	private static WireMockServer sources;

	@Autowired
	MarketWatch watch;

	@Autowired
	JsonMapper json;

	@Autowired
	WatchProperties properties;

	@Autowired
	WatchStore store;

	@Autowired
	WatchDigests digests;

	@Autowired
	TenantDatabase database;

	@BeforeAll
	static void startSources() {
		sources = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
		sources.start();
	}

	@AfterAll
	static void stopSources() {
		sources.stop();
	}

	@Test
	void boampTedAndLocalNoticesReachMatchingVendorsOnceWithinASecondAndNobodyElse() throws Exception {
		String vendorTenant = newTenant("watcher");
		var vendor = graphQl(vendorTenant, Role.VENDOR);
		save(vendor, "rail", Map.of("cpvPrefixes", List.of("3463")));
		save(vendor, "voirie", Map.of("keywords", List.of("Voirie"), "departments", List.of("69")));
		save(vendor, "juridique", Map.of("cpvPrefixes", List.of("791")));
		String otherTenant = newTenant("unmatched");
		save(graphQl(otherTenant, Role.VENDOR), "nettoyage", Map.of("cpvPrefixes", List.of("9091"), "keywords", List.of("nettoyage")));
		vendor.document(SAVE).variable("input", Map.of("idempotencyKey", "empty", "name", "nothing")).execute()
			.path("createSavedSearch.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT");
		watch.reload().block();

		Queue<Map<?, ?>> matched = new ConcurrentLinkedQueue<>();
		Queue<Map<?, ?>> unmatched = new ConcurrentLinkedQueue<>();
		Disposable first = subscribe(tokens.token("vendor", vendorTenant, Role.VENDOR), matched);
		Disposable second = subscribe(tokens.token("vendor", otherTenant, Role.VENDOR), unmatched);
		try {
			Thread.sleep(1_000);

			// A tender published here: matched by keyword (accents and case ignored) and department.
			var scenario = TenderScenario.publish(web, tokens, port, newTenant("buyer"), "VOIRIE-" + vendorTenant.substring(8), "OPEN",
					Duration.ofHours(1), List.of(TenderScenario.lot("Lot unique", "100000", "LOWEST_PRICE_RATIO")));
			await().atMost(DELIVERY).until(() -> sourceIds(matched).contains(scenario.tenderId));

			// BOAMP: a works notice in the Rhône and the French copy of a TED call; a result notice is not a call.
			sources.stubFor(get(urlPathEqualTo("/boamp/catalog/datasets/boamp/records"))
				.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(resource("tenders/watch/boamp-records.json"))));
			MarketWatch.Ingested boamp = watch.poll(new BoampConnector(WebClient.builder(), sources.baseUrl() + "/boamp", json, properties), 1)
				.block();
			assertThat(boamp).isEqualTo(new MarketWatch.Ingested(2, 2, 0, 2));
			await().atMost(DELIVERY).until(() -> sourceIds(matched).containsAll(List.of("26-104233", "26-104240")));
			assertThat(sources.findAll(getRequestedFor(urlPathEqualTo("/boamp/catalog/datasets/boamp/records"))).getFirst()
				.queryParameter("where").firstValue()).startsWith("dateparution>=date'");

			// TED: the five real notices; the railway one matches, the one already seen in BOAMP is not delivered again.
			sources.stubFor(post(urlPathEqualTo("/ted/v3/notices/search"))
				.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(tedAnswer())));
			MarketWatch.Ingested ted = watch.poll(new TedConnector(WebClient.builder(), sources.baseUrl() + "/ted", json, properties), 1).block();
			assertThat(ted).isEqualTo(new MarketWatch.Ingested(5, 4, 1, 1));
			await().atMost(DELIVERY).until(() -> sourceIds(matched).contains("475939-2026"));
			assertThat(sources.findAll(postRequestedFor(urlPathEqualTo("/ted/v3/notices/search"))).getFirst().getBodyAsString())
				.contains("PD>=");

			// Polled again: nothing new, nothing delivered.
			assertThat(watch.poll(new TedConnector(WebClient.builder(), sources.baseUrl() + "/ted", json, properties), 1).block())
				.isEqualTo(new MarketWatch.Ingested(5, 0, 5, 0));
			Thread.sleep(DELIVERY.toMillis());
			assertThat(sourceIds(matched)).containsExactlyInAnyOrder(scenario.tenderId, "26-104233", "26-104240", "475939-2026");
			Map<?, ?> rail = matched.stream().filter(match -> "475939-2026".equals(notice(match).get("sourceId"))).findFirst().orElseThrow();
			assertThat(rail.get("searchName")).isEqualTo("rail");
			assertThat((String) rail.get("explanation")).isEqualTo("CPV 34632000 under 3463");
			assertThat(notice(rail).get("source")).isEqualTo("TED");
			assertThat(notice(rail).get("title")).isEqualTo("Ramavtal avseende kompletteringar av befintlig markutrustning på Saltsjöbanan och Lidingöbanan");
			Map<?, ?> voirie = matched.stream().filter(match -> "26-104233".equals(notice(match).get("sourceId"))).findFirst().orElseThrow();
			assertThat(notice(voirie).get("title")).isEqualTo("Travaux de voirie et d'assainissement - rue de la République");
			assertThat(notice(voirie).get("cpvCodes")).isEqualTo(List.of("45233140", "45232400"));
			assertThat((String) voirie.get("explanation")).isEqualTo("keywords 1/1 (voirie); department 69");
			assertThat(voirie.get("score")).isEqualTo(100);
			assertThat(unmatched).isEmpty();
		}
		finally {
			first.dispose();
			second.dispose();
		}

		// Saved searches are the tenant's own.
		graphQl(otherTenant, Role.VENDOR).document("{ savedSearches { name } }").execute().path("savedSearches[*].name")
			.entityList(String.class).containsExactly("nettoyage");
	}

	@Test
	void aNoticesMatchesForEveryTenantAreRecordedInOneStatementUnderEachTenantsOwnRowLevelSecurity() {
		String first = newTenant("watch-one");
		String second = newTenant("watch-two");
		save(graphQl(first, Role.VENDOR), "kept", Map.of("cpvPrefixes", List.of("45")));
		save(graphQl(first, Role.VENDOR), "deleted", Map.of("cpvPrefixes", List.of("45")));
		save(graphQl(second, Role.VENDOR), "theirs", Map.of("cpvPrefixes", List.of("45")));
		SavedSearch kept = search(first, "kept");
		SavedSearch deleted = search(first, "deleted");
		SavedSearch theirs = search(second, "theirs");
		database.inTransaction(first, db -> db.sql("DELETE FROM tenders_watch_search WHERE id = :id").bind("id", deleted.key()).then()).block();
		Notice notice = new Notice(NoticeSource.BOAMP, "record-" + first, "Travaux " + first, "Ville de Lyon", List.of("45233140"), List.of("69"),
				null, null, null, java.time.LocalDate.of(2026, 12, 1));
		WatchStore.StoredNotice stored = database.inTransaction("", db -> store.storeNotice(db, notice)).block();
		Relevance.Match match = new Relevance.Match(90, "CPV 45233140 under 45");
		// The second tenant's hit names the first tenant's search: the row would be the second tenant's match of a
		// search it cannot see, and row-level security keeps it out.
		SavedSearch forged = new SavedSearch(kept.key(), second, "forged", kept.cpvPrefixes(), List.of(), List.of(), null, null, kept.createdAt());
		List<WatchIndex.Hit> hits = List.of(new WatchIndex.Hit(kept, match), new WatchIndex.Hit(deleted, match), new WatchIndex.Hit(theirs, match),
				new WatchIndex.Hit(forged, match));

		var recorded = database.inTransaction("", db -> store.recordMatches(db, stored.key(), hits)
			.zipWith(db.sql("SELECT coalesce(current_setting('app.tenant_id', true), '') AS bound").map(row -> row.get("bound", String.class)).one()))
			.block();

		assertThat(recorded.getT1()).containsExactlyInAnyOrder(kept.key(), theirs.key());
		assertThat(recorded.getT2()).as("the transaction's own tenant is bound again afterwards").isEmpty();
		assertThat(matchedSearches(first, stored)).containsExactly(kept.key());
		assertThat(matchedSearches(second, stored)).containsExactly(theirs.key());
		assertThat(database.inTransaction("", db -> store.recordMatches(db, stored.key(), hits)).block())
			.as("recorded once").isEmpty();
		assertThatThrownBy(() -> database.inTransaction("", db -> store.recordMatches(db, stored.key(),
				List.of(new WatchIndex.Hit(new SavedSearch(theirs.key(), "", "blank", List.of("45"), List.of(), List.of(), null, null, theirs.createdAt()), match))))
			.block()).hasMessageContaining("has no tenant");
	}

	@Test
	void aSearchsNewMatchesAreEmailedInItsDigestOnceAndOnlyToItsAddress() throws Exception {
		String tenant = newTenant("digest");
		String domain = tenant + ".example";
		String keyword = "passerelle" + tenant.substring(tenant.length() - 8);
		var vendor = graphQl(tenant, Role.VENDOR);
		vendor.document(SAVE).variable("input", Map.of("idempotencyKey", "bad", "name", "bad", "keywords", List.of(keyword), "digestEmail",
				"Veille <veille@" + domain + ">")).execute()
			.path("createSavedSearch.userErrors[0].field").entityList(String.class).containsExactly("input", "digestEmail");
		vendor.document("mutation($input: CreateSavedSearchInput!) { createSavedSearch(input: $input) { savedSearch { digestEmail } } }")
			.variable("input", Map.of("idempotencyKey", "digest", "name", "Passerelles", "keywords", List.of(keyword),
				"digestEmail", "veille@" + domain)).execute()
			.path("createSavedSearch.savedSearch.digestEmail").entity(String.class).isEqualTo("veille@" + domain);
		String other = newTenant("nodigest");
		save(graphQl(other, Role.VENDOR), "Sans digest", Map.of("keywords", List.of(keyword)));
		graphQl(other, Role.VENDOR).document("{ savedSearches { name digestEmail } }").execute()
			.path("savedSearches[0].digestEmail").valueIsNull();
		vendor.document("{ savedSearches { name digestEmail } }").execute()
			.path("savedSearches[0].digestEmail").entity(String.class).isEqualTo("veille@" + domain);
		watch.reload().block();

		watch.ingest(List.of(notice(keyword, "1", "https://www.boamp.fr/avis/detail/" + keyword + "-1"), notice(keyword, "2", null))).block();
		assertThat(digests.sendDue().block()).isPositive();
		var first = TestServices.shared().smtp().getReceivedMessagesForDomain(domain);
		assertThat(first).hasSize(1);
		assertThat(first[0].getSubject()).isEqualTo("Veille marchés « Passerelles » : 2 nouveaux avis");
		String body = (String) first[0].getContent();
		assertThat(body).contains("Passerelle " + keyword + " n° 1", "Passerelle " + keyword + " n° 2", "Pertinence 100/100 : keywords 1/1",
				"https://www.boamp.fr/avis/detail/" + keyword + "-1", "date limite 15/01/2027 12:00");

		digests.sendDue().block();
		assertThat(TestServices.shared().smtp().getReceivedMessagesForDomain(domain)).as("nothing new, nothing sent").hasSize(1);

		watch.ingest(List.of(notice(keyword, "3", null))).block();
		digests.sendDue().block();
		var second = TestServices.shared().smtp().getReceivedMessagesForDomain(domain);
		assertThat(second).hasSize(2);
		String next = java.util.Arrays.stream(second).filter(message -> !message.equals(first[0])).findFirst().orElseThrow().getContent().toString();
		assertThat(next).contains("n° 3").doesNotContain("n° 1", "n° 2");
	}

	@Test
	void aDigestTheSmtpServerRefusedKeepsItsMatchesForTheNextPassAndRecordsWhy() throws Exception {
		String tenant = newTenant("digest-down");
		String domain = tenant + ".example";
		String keyword = "viaduc" + tenant.substring(tenant.length() - 8);
		graphQl(tenant, Role.VENDOR).document("mutation($input: CreateSavedSearchInput!) { createSavedSearch(input: $input) { userErrors { code } } }")
			.variable("input", Map.of("idempotencyKey", "down", "name", "Viaducs", "keywords", List.of(keyword), "digestEmail", "veille@" + domain))
			.execute()
			.path("createSavedSearch.userErrors").entityList(Object.class).hasSize(0);
		watch.reload().block();
		watch.ingest(List.of(notice(keyword, "1", null))).block();

		int closedPort;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		var refusing = new org.springframework.mail.javamail.JavaMailSenderImpl();
		refusing.setHost("127.0.0.1");
		refusing.setPort(closedPort);
		WatchDigests down = new WatchDigests(database, store,
				new org.springframework.beans.factory.support.StaticListableBeanFactory(Map.of("refusing", refusing))
					.getBeanProvider(org.springframework.mail.javamail.JavaMailSender.class),
				new WatchDigestProperties(Duration.ofHours(24), "veille@performance-os.invalid", 100));
		down.sendDue().block();
		assertThat(TestServices.shared().smtp().getReceivedMessagesForDomain(domain)).isEmpty();
		assertThat(database.inTransaction(tenant, db -> db.sql("SELECT last_error FROM tenders_watch_digest").map(row -> row.get("last_error", String.class))
			.one()).block()).as("why it was not sent").contains("MailSendException");

		digests.sendDue().block();
		var sent = TestServices.shared().smtp().getReceivedMessagesForDomain(domain);
		assertThat(sent).hasSize(1);
		assertThat((String) sent[0].getContent()).contains("Passerelle " + keyword + " n° 1");
		assertThat(database.inTransaction(tenant, db -> db.sql("SELECT count(*) AS failed FROM tenders_watch_digest WHERE last_error IS NOT NULL")
			.map(row -> row.get("failed", Long.class)).one()).block()).as("cleared once sent").isZero();
	}

	private static Notice notice(String keyword, String number, @org.jspecify.annotations.Nullable String url) {
		return new Notice(NoticeSource.BOAMP, keyword + "-" + number, "Passerelle " + keyword + " n° " + number, "Métropole de Lyon",
				List.of("45221111"), List.of("69"), null, java.time.Instant.parse("2027-01-15T11:00:00Z"), url, java.time.LocalDate.of(2026, 12, 6));
	}

	private SavedSearch search(String tenant, String name) {
		return database.inTransaction(tenant, store::searches).block().stream().filter(search -> search.name().equals(name)).findFirst().orElseThrow();
	}

	private List<java.util.UUID> matchedSearches(String tenant, WatchStore.StoredNotice stored) {
		return database.inTransaction(tenant, db -> db.sql("SELECT search_id FROM tenders_watch_match WHERE notice_id = :notice")
			.bind("notice", stored.key()).map(row -> row.get("search_id", java.util.UUID.class)).all().collectList()).block();
	}

	@Test
	void aFailingSourceIsRetriedThenLeftUntilTheNextPollWithoutMovingItsWatermark() {
		sources.stubFor(get(urlPathEqualTo("/down/catalog/datasets/boamp/records")).willReturn(aResponse().withStatus(503)));
		BoampConnector down = new BoampConnector(WebClient.builder(), sources.baseUrl() + "/down", json, properties);

		assertThatThrownBy(() -> watch.poll(down, 1).block(Duration.ofSeconds(30))).isNotNull();
		assertThat(sources.findAll(getRequestedFor(urlPathEqualTo("/down/catalog/datasets/boamp/records"))))
			.as("the first attempt and its retries").hasSize(1 + properties.retries());
	}

	private static void save(org.springframework.graphql.test.tester.GraphQlTester vendor, String name, Map<String, Object> criteria) {
		Map<String, Object> input = new java.util.HashMap<>(criteria);
		input.put("idempotencyKey", "save-" + name);
		input.put("name", name);
		vendor.document(SAVE).variable("input", input).execute().path("createSavedSearch.userErrors").entityList(Object.class).hasSize(0);
	}

	private Disposable subscribe(String token, Queue<Map<?, ?>> into) throws IOException {
		return WebSocketGraphQlClient.builder("ws://127.0.0.1:" + port + "/graphql-ws", new ReactorNettyWebSocketClient())
			.interceptor(new WebSocketGraphQlClientInterceptor() {

				@Override
				public Mono<Object> connectionInitPayload() {
					return Mono.just(Map.of("Authorization", "Bearer " + token));
				}

			})
			.build()
			.document("subscription { tenderMatched { eventId searchId searchName score explanation matchedAt notice { id source sourceId title "
					+ "buyerName cpvCodes departments estimatedValue { amount currency } deadline url publishedOn } } }")
			.retrieveSubscription("tenderMatched")
			.toEntity(Map.class)
			.subscribe(into::add);
	}

	private static List<Object> sourceIds(Queue<Map<?, ?>> matches) {
		return matches.stream().map(match -> notice(match).get("sourceId")).map(Object.class::cast).toList();
	}

	private static Map<?, ?> notice(Map<?, ?> match) {
		return (Map<?, ?>) match.get("notice");
	}

	private static String resource(String path) throws IOException {
		return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
	}

	/** The TED search answer: the five real notices in the live API's envelope. */
	private String tedAnswer() throws IOException {
		var sample = json.readTree(Files.readString(ReferenceDataFiles.root().resolve("procurement/ted/ted-v3-search-notices-sample.json")));
		return "{\"notices\":" + json.writeValueAsString(sample.get("notices")) + ",\"totalNoticeCount\":5,\"iterationNextToken\":null,\"timedOut\":false}";
	}

}
