package com.performanceos.tenders.bids;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import graphql.introspection.IntrospectionQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.performanceos.platform.security.Role;
import com.performanceos.security.GraphQlSocket;
import com.performanceos.tenders.TenderScenario;
import com.performanceos.testsupport.IntegrationTest;
import com.performanceos.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sealed-bid promise checked over the whole API rather than a list of known reads: the schema is
 * learnt by introspection and every query field (with {@code node(id:)} as every {@code Node} type,
 * connections with cursors and counts), every subscription and every download route is asked, as
 * BUYER, VALIDATOR, ADMIN and AUDITOR of the buyer's tenant, while bids are sealed. No answer may
 * carry an amount, a document or a vendor of a bid, and no answer may change when vendors bid again:
 * the second walk, after a replaced bid and a rival's new bid, must answer exactly what the first
 * did, or something would be counting bids. After the deadline the same walk finds the amounts.
 */
class SealedBidSchemaWalkIntegrationTests extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Role[] BUYER_SIDE = { Role.BUYER, Role.VALIDATOR, Role.ADMIN, Role.AUDITOR };

	/** A trace id in an error's extensions: different for every request. */
	private static final String TRACE_ID = "\"traceId\":\"[0-9a-f]{32}\"";

	/** Requests one caller sends before the next takes over, so no cost bucket throttles the walk. */
	private static final int REQUESTS_PER_CALLER = 100;

	/** Long enough for two walks of the whole schema on a loaded two-core machine; asserted below. */
	private static final Duration OPEN_FOR = Duration.ofSeconds(Long.getLong("walk.openSeconds", 240));

	private static final String FIRST_AMOUNT = "87654.32";

	private static final String REPLACED_AMOUNT = "76543.21";

	private static final String RIVAL_AMOUNT = "65432.10";

	private static final String RIVAL_NEW_AMOUNT = "54321.09";

	private static final List<String> AMOUNTS = List.of(FIRST_AMOUNT, REPLACED_AMOUNT, RIVAL_AMOUNT, RIVAL_NEW_AMOUNT);

	private static final String DOCUMENT_NAME = "memoire-technique-scelle.pdf";

	private static final String DOCUMENT_SHA256 = "5e7b0c2d9a4f61e3b8d7c6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5";

	@Autowired
	private ApplicationContext context;

	private int sent;

	@Test
	void noReadOfTheWholeSchemaRevealsOrCountsBidsBeforeTheDeadlineAndTheBuyerReadsThemAfter() throws Exception {
		var scenario = TenderScenario.publish(web, tokens, port, newTenant("walk"), OPEN_FOR,
				List.of(TenderScenario.lot("Entretien", "100000", "LOWEST_PRICE_RATIO"), TenderScenario.lot("Espaces verts", "80000", "LINEAR")));
		String lot = scenario.lotIds.getFirst();
		String otherLot = scenario.lotIds.getLast();
		String vendorTenant = newTenant("walk-vendor");
		String rivalTenant = newTenant("walk-rival");
		var vendor = scenario.vendor(vendorTenant, "73282932000074", true);
		var rival = scenario.vendor(rivalTenant, "44306184100047", false);
		List<Map<String, String>> documents = List.of(Map.of("name", DOCUMENT_NAME, "sha256", DOCUMENT_SHA256));
		String bid = bidId(TenderScenario.bid(vendor, "v-1", lot, FIRST_AMOUNT, documents));
		String rivalBid = bidId(TenderScenario.bid(rival, "r-1", otherLot, RIVAL_AMOUNT, documents));

		String introspection = post(tokens.token("walk-introspect", scenario.buyerTenant, Role.ADMIN), IntrospectionQuery.INTROSPECTION_QUERY);
		@SuppressWarnings("unchecked")
		Map<String, Object> data = (Map<String, Object>) JSON.readValue(introspection, Map.class).get("data");
		var walk = SchemaWalk.fromIntrospection(data, List.of(scenario.tenderId, lot, otherLot, bid, rivalBid));
		List<SchemaWalk.Request> queries = walk.queries();
		List<String> exports = downloadRoutes();
		assertThat(queries).as("query requests of the walk").hasSizeGreaterThan(100);
		assertThat(exports).as("download routes found").contains("/exports/tenders/decp.json", "/exports/audit-log.json");

		List<String> leaks = new ArrayList<>();
		Map<String, String> exportsBefore = downloads(scenario.buyerTenant, exports, leaks);
		// A first walk as the roles that read the audit chain and the cubes, not compared: what the walk starts on its
		// own (a cache filled, the AI provider found unavailable and audited) happens there, not between the walks.
		walk(scenario.buyerTenant, queries, leaks, Role.ADMIN, Role.AUDITOR);
		Map<String, String> before = walk(scenario.buyerTenant, queries, leaks);
		List<String> auditBefore = auditRecordsNotOfTheWalk(scenario.buyerTenant);
		List<GraphQlSocket> sockets = subscribe(scenario.buyerTenant, walk.subscriptions());
		try {
			// Between the walks: a replaced bid, a rival's bid on another lot, a withdrawn and resubmitted one.
			bidId(TenderScenario.bid(vendor, "v-2", lot, REPLACED_AMOUNT, documents));
			bidId(TenderScenario.bid(rival, "r-2", lot, RIVAL_NEW_AMOUNT, List.of()));
			Map<String, String> after = walk(scenario.buyerTenant, queries, leaks);
			Map<String, String> exportsAfter = downloads(scenario.buyerTenant, exports, leaks);
			for (GraphQlSocket socket : sockets) {
				for (String message : socket.received()) {
					JsonNode json = JSON.readTree(message);
					if (json.path("type").asString("").equals("next") && !json.path("payload").path("data").isNull()
							&& !json.path("payload").path("data").isMissingNode()) {
						leaks.add("a subscription delivered data while vendors bid: " + abbreviate(message));
					}
					leaks.addAll(secrets(message, "subscription message", vendorTenant, rivalTenant));
				}
			}
			// The walk's own reads are audited (a refused share-link token, for one): the audit chain grows with every
			// walk, so its answers are compared below as the records the walk did not cause, read from the table itself.
			assertThat(auditRecordsNotOfTheWalk(scenario.buyerTenant)).as("audit records of the buyer's tenant while vendors bid")
				.isEqualTo(auditBefore);
			before.forEach((label, answer) -> {
				if (!answer.equals(after.get(label)) && !readsTheAuditChain(answer)) {
					leaks.add("answer changed when vendors bid: " + label + "\n    before " + abbreviate(answer) + "\n    after  "
							+ abbreviate(String.valueOf(after.get(label))));
				}
			});
			exportsBefore.forEach((label, body) -> {
				if (label.contains("/tenders/") && !body.equals(exportsAfter.get(label))) {
					leaks.add("tender export changed when vendors bid: " + label);
				}
			});
		}
		finally {
			sockets.forEach(GraphQlSocket::close);
		}
		assertThat(leaks).as("what the buyer's side could learn of sealed bids (%d requests)", sent).isEmpty();
		assertThat(OffsetDateTime.now()).as("both walks ran before the deadline (a loaded machine may need -Dwalk.openSeconds=)")
			.isBefore(scenario.deadline);

		scenario.awaitDeadline();
		scenario.buyer("opener", Role.BUYER)
			.document("mutation($lot: ID!) { openBids(input: { lotId: $lot }) { userErrors { code } } }")
			.variable("lot", lot)
			.execute()
			.path("openBids.userErrors")
			.entityList(Object.class)
			.hasSize(0);
		String opened = String.join("\n", walk(scenario.buyerTenant, queries, new ArrayList<>(), Role.BUYER).values());
		assertThat(opened).as("the same walk reaches the opened offers").contains(REPLACED_AMOUNT, RIVAL_NEW_AMOUNT, DOCUMENT_NAME, DOCUMENT_SHA256);
	}

	/** Every request of the walk as each role: the answers, normalised, by request; leaks found go to {@code leaks}. */
	private Map<String, String> walk(String tenant, List<SchemaWalk.Request> queries, List<String> leaks, Role... roles) {
		Map<String, String> answers = new LinkedHashMap<>();
		for (Role role : roles.length == 0 ? BUYER_SIDE : roles) {
			for (SchemaWalk.Request query : queries) {
				String label = role + " " + query.label();
				JsonNode json = null;
				for (String document : query.documents()) {
					String body = post(caller(tenant, role), document);
					leaks.addAll(secrets(body, label, "walk-vendor", "walk-rival"));
					json = JSON.readTree(body);
					if (!json.path("errors").toString().contains("LIMIT_EXCEEDED")) {
						break;
					}
				}
				if (json == null || json.path("errors").toString().contains("LIMIT_EXCEEDED")) {
					leaks.add("the walk did not reach " + label + ": " + abbreviate(String.valueOf(json)));
				}
				else {
					answers.put(label, normalise(json));
				}
			}
		}
		return answers;
	}

	/** Whether an answer reads the audit chain (its records or their count), which the walk's own reads extend. */
	private static boolean readsTheAuditChain(String answer) {
		return answer.contains("\"actor\":") || answer.contains("\"checkedRecords\":");
	}

	/** The buyer tenant's audit records not caused by the walk's callers, in chain order. */
	private static List<String> auditRecordsNotOfTheWalk(String tenant) throws Exception {
		try (Connection connection = TestServices.shared().superuserConnection();
				PreparedStatement sql = connection.prepareStatement("SELECT seq || ' ' || actor || ' ' || action || ' ' || target_type "
						+ "FROM audit_log WHERE tenant_id = ? AND actor NOT LIKE 'walk-%' ORDER BY seq")) {
			sql.setString(1, tenant);
			List<String> records = new ArrayList<>();
			try (ResultSet rows = sql.executeQuery()) {
				while (rows.next()) {
					records.add(rows.getString(1));
				}
			}
			return records;
		}
	}

	/** Every download route as each role: the bodies by route; leaks found go to {@code leaks}. */
	private Map<String, String> downloads(String tenant, List<String> routes, List<String> leaks) {
		Map<String, String> bodies = new LinkedHashMap<>();
		for (Role role : BUYER_SIDE) {
			for (String route : routes) {
				byte[] body = web.get().uri(route).header("Authorization", "Bearer " + caller(tenant, role)).exchange().expectBody()
					.returnResult().getResponseBody();
				String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
				leaks.addAll(secrets(text, role + " GET " + route, "walk-vendor", "walk-rival"));
				bodies.put(role + " " + route, text.replaceAll(TRACE_ID, "<trace>"));
			}
		}
		return bodies;
	}

	private List<GraphQlSocket> subscribe(String tenant, List<SchemaWalk.Request> subscriptions) {
		List<GraphQlSocket> sockets = new ArrayList<>();
		for (Role role : BUYER_SIDE) {
			List<Map<String, Object>> messages = new ArrayList<>();
			for (SchemaWalk.Request subscription : subscriptions) {
				messages.add(GraphQlSocket.subscribe(Integer.toString(messages.size()), subscription.documents().getLast()));
			}
			sockets.add(GraphQlSocket.open(port, tokens.token("walk-live-" + role, tenant, role), messages).acknowledged());
		}
		return sockets;
	}

	/** The amounts, documents and vendors of sealed bids found in a text. */
	private static List<String> secrets(String text, String where, String... vendorTenantPrefixes) {
		List<String> found = new ArrayList<>();
		for (String amount : AMOUNTS) {
			if (text.contains(amount)) {
				found.add(where + " shows the amount " + amount);
			}
		}
		for (String secret : List.of(DOCUMENT_NAME, DOCUMENT_SHA256, "73282932000074", "44306184100047")) {
			if (text.contains(secret)) {
				found.add(where + " shows " + secret);
			}
		}
		for (String prefix : vendorTenantPrefixes) {
			if (text.contains(prefix)) {
				found.add(where + " names a vendor's tenant (" + prefix + ")");
			}
		}
		return found;
	}

	/** The answer without what differs between two identical requests: cost figures, trace ids, the caller. */
	private static String normalise(JsonNode answer) {
		ObjectNode copy = (ObjectNode) answer.deepCopy();
		copy.remove("extensions");
		for (JsonNode error : copy.path("errors")) {
			((ObjectNode) error).remove("locations");
			JsonNode extensions = error.path("extensions");
			if (extensions instanceof ObjectNode object) {
				object.retain("code", "field");
			}
		}
		return copy.toString().replaceAll("walk-[A-Z]+-\\d+", "<caller>").replaceAll(TRACE_ID, "<trace>");
	}

	/** A caller of the tenant with the role; a new one every few requests, so each cost bucket stays full. */
	private String caller(String tenant, Role role) {
		return tokens.token("walk-" + role + "-" + (sent++ / REQUESTS_PER_CALLER), tenant, role);
	}

	/** The GET routes under /exports/ of every router function of the application, path variables filled. */
	private List<String> downloadRoutes() {
		TreeSet<String> routes = new TreeSet<>();
		for (RouterFunction<?> router : context.getBeansOfType(RouterFunction.class).values()) {
			router.accept(new RouteCollector(routes));
		}
		return routes.stream().filter(route -> route.startsWith("/exports/")).map(route -> route.replaceAll("\\{[^}]+}", "2026-03")).toList();
	}

	private String post(String token, String query) {
		byte[] body = web.post().uri("/graphql").header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", query)).exchange().expectBody().returnResult().getResponseBody();
		return body == null ? "" : new String(body, StandardCharsets.UTF_8);
	}

	private static String bidId(org.springframework.graphql.test.tester.GraphQlTester.Response response) {
		return response.path("submitBid.userErrors").entityList(Object.class).hasSize(0).path("submitBid.bid.id").entity(String.class).get();
	}

	private static String abbreviate(String text) {
		return text.length() <= 500 ? text : text.substring(0, 500) + "...";
	}

}
