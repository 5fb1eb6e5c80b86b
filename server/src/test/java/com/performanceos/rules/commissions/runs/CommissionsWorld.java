package com.performanceos.rules.commissions.runs;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.TestTokens;

import static org.awaitility.Awaitility.await;

/**
 * A tenant's commissions set up as its people do it, through the API only: deals and quotas imported as CSV, reps and
 * splits recorded, plans written as COMMISSION_PLAN rules (by Sam, SALES_OPS) and published (by Fiona, FINANCE),
 * assigned, and runs started and awaited. Public for the tests of other packages built on commissions (approval,
 * shadow, rules mined from payouts).
 */
public final class CommissionsWorld {

	static final Duration WINDOW = Duration.ofSeconds(90);

	static final Map<String, String> DEAL_MAPPING = Map.of("Deal", "DEAL_ID", "Owner", "REP", "Product", "PRODUCT", "Region", "REGION",
			"Amount", "AMOUNT", "ARR", "ARR", "Stage", "STAGE", "Closed", "CLOSE_DATE", "Currency", "CURRENCY");

	static final Map<String, String> QUOTA_MAPPING = Map.of("Owner", "REP", "Month", "PERIOD", "Quota", "AMOUNT", "Currency", "CURRENCY");

	private final String baseUrl;

	private final TestTokens tokens;

	public final String tenant;

	public final HttpGraphQlTester salesOps;

	public final HttpGraphQlTester finance;

	public CommissionsWorld(String baseUrl, TestTokens tokens, String tenant) {
		this.baseUrl = baseUrl;
		this.tokens = tokens;
		this.tenant = tenant;
		this.salesOps = as("sam", Role.SALES_OPS);
		this.finance = as("fiona", Role.FINANCE);
	}

	public HttpGraphQlTester as(String subject, Role... roles) {
		WebTestClient web = WebTestClient.bindToServer().baseUrl(baseUrl + "/graphql").responseTimeout(WINDOW).build();
		return HttpGraphQlTester.builder(web.mutate()).header("Authorization", "Bearer " + tokens.token(subject, tenant, roles))
			.responseTimeout(WINDOW).build();
	}

	/** Imports deals ({@code Deal,Owner,Product,Region,Amount,ARR,Stage,Closed,Currency} rows) and waits for the import. */
	public void importDeals(String key, String rows) {
		importFile(key, "DEALS", DEAL_MAPPING, "Deal,Owner,Product,Region,Amount,ARR,Stage,Closed,Currency\n" + rows, 4);
	}

	/** Imports quotas ({@code Owner,Month,Quota,Currency} rows). */
	public void importQuotas(String key, String rows) {
		importFile(key, "QUOTAS", QUOTA_MAPPING, "Owner,Month,Quota,Currency\n" + rows, 2);
	}

	private void importFile(String key, String kind, Map<String, String> mapping, String content, int amountColumn) {
		List<String> lines = content.lines().skip(1).filter(line -> !line.isBlank()).toList();
		java.math.BigDecimal sum = lines.stream().map(line -> new java.math.BigDecimal(line.split(",")[amountColumn]))
			.reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
		List<Map<String, String>> columns = mapping.entrySet().stream().map(entry -> Map.of("column", entry.getKey(), "field", entry.getValue())).toList();
		GraphQlTester.Response started = salesOps.documentName("importStart")
			.variable("input", Map.of("idempotencyKey", key, "kind", kind, "fileName", key + ".csv", "columnMapping", columns, "controlTotals",
					Map.of("rowCount", lines.size(), "amountSum", sum.toPlainString())))
			.execute();
		started.path("startImport.userErrors").entityList(Object.class).hasSize(0);
		String id = started.path("startImport.import.id").entity(String.class).get();
		String uploadUrl = started.path("startImport.uploadUrl").entity(String.class).get();
		WebTestClient.bindToServer().baseUrl(baseUrl).responseTimeout(WINDOW).build().put().uri(uploadUrl)
			.header("Authorization", "Bearer " + tokens.token("sam", tenant, Role.SALES_OPS))
			.contentType(MediaType.parseMediaType("text/csv")).bodyValue(content.getBytes(StandardCharsets.UTF_8))
			.exchange().expectStatus().isAccepted();
		await().atMost(WINDOW).pollInterval(Duration.ofMillis(100)).until(() -> "SUCCEEDED".equals(
				salesOps.documentName("importNode").variable("id", id).execute().path("node.status").entity(String.class).get()));
	}

	/** The global id of a deal by its reference. */
	public String dealId(String ref) {
		List<Map<String, Object>> deals = salesOps.documentName("importDeals").variable("first", 100).execute().path("deals.nodes")
			.entity(new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() {
			}).get();
		return deals.stream().filter(deal -> ref.equals(deal.get("dealId"))).map(deal -> (String) deal.get("id")).findFirst().orElseThrow();
	}

	public void reps(List<Map<String, Object>> reps, List<Map<String, Object>> managers) {
		salesOps.documentName("commissionsRecordReps").variable("input", Map.of("reps", reps, "managers", managers)).execute()
			.path("recordSalesReps.userErrors").entityList(Object.class).hasSize(0);
	}

	/** Writes a plan as a COMMISSION_PLAN rule, has it published, and answers its version's id. */
	public String publishedPlan(String name, Object definition) {
		GraphQlTester.Response created = salesOps.documentName("rulesCreateRule").variable("input", Map.of("idempotencyKey", "plan-" + name.replace(' ', '-'),
				"name", name.replace(' ', '-'), "kind", "COMMISSION_PLAN", "description", "pays " + name, "firstVersion", Map.of("definition", definition,
						"examples", List.of(), "origin", "HUMAN", "changeNote", "first cut", "validFrom", "2026-01-01")))
			.execute();
		created.path("createRule.userErrors").entityList(Object.class).hasSize(0);
		String version = created.path("createRule.version.id").entity(String.class).get();
		step(salesOps, "rulesSubmit", "submitRuleVersion", version);
		step(finance, "rulesApprove", "approveRuleVersion", version);
		step(finance, "rulesPublish", "publishRuleVersion", version);
		return version;
	}

	private static void step(GraphQlTester tester, String document, String field, String version) {
		tester.documentName(document).variable("input", Map.of("versionId", version, "justification", "reviewed")).execute()
			.path(field + ".userErrors").entityList(Object.class).hasSize(0);
	}

	public void assign(String versionId, String period, String... reps) {
		salesOps.documentName("commissionsAssign").variable("input", Map.of("planVersionId", versionId, "period", period, "reps", List.of(reps)))
			.execute().path("assignCommissionPlan.userErrors").entityList(Object.class).hasSize(0);
	}

	/** Starts a run and waits for it to succeed; answers the run as {@code calculationRun} reads it. */
	public Map<String, Object> run(String key, String period, Map<String, Object> extra) {
		Map<String, Object> input = new java.util.HashMap<>(extra);
		input.put("idempotencyKey", key);
		input.put("period", period);
		GraphQlTester.Response started = salesOps.documentName("commissionsStartRun").variable("input", input).execute();
		started.path("startCalculationRun.userErrors").entityList(Object.class).hasSize(0);
		String id = started.path("startCalculationRun.run.id").entity(String.class).get();
		await().atMost(WINDOW).pollInterval(Duration.ofMillis(100)).until(() -> !List.of("QUEUED", "RUNNING").contains(
				finance.documentName("commissionsRun").variable("id", id).execute().path("calculationRun.status").entity(String.class).get()));
		return finance.documentName("commissionsRun").variable("id", id).execute().path("calculationRun")
			.entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			}).get();
	}

	/** A plan paying 10 % up to 100 % of quota and 15 % above, computed by the method, with extra parts. */
	public static Map<String, Object> plan(String method, Map<String, Object> extra) {
		Map<String, Object> plan = new java.util.LinkedHashMap<>();
		plan.put("currency", "EUR");
		plan.put("eligibility", "stage == 'CLOSED_WON'");
		plan.put("tiers", Map.of("method", method, "bands", List.of(Map.of("name", "Base", "fromAttainmentPercent", 0, "ratePercent", 10),
				Map.of("name", "Accelerator", "fromAttainmentPercent", 100, "ratePercent", 15))));
		plan.putAll(extra);
		return plan;
	}

	/**
	 * March 2026 of the plan-variant examples, run: Ana closes D-A (Pro, 40,000) and D-C (Basic, 30,000), Bob D-B (Pro,
	 * 20,000), quotas of 100,000 each, one AE plan paying a 10 % base rate (150 % of it above quota); the month costs 9,000
	 * as published, 10,200 with 12 % on Pro. Answers the plan version's id.
	 */
	public String tenPercentMarch() {
		importDeals("deals", """
				D-A,ana,Pro,FR,40000.00,40000.00,CLOSED_WON,2026-03-10,EUR
				D-C,ana,Basic,FR,30000.00,30000.00,CLOSED_WON,2026-03-12,EUR
				D-B,bob,Pro,FR,20000.00,20000.00,CLOSED_WON,2026-03-11,EUR
				""");
		importQuotas("quotas", "ana,2026-03,100000,EUR\nbob,2026-03,100000,EUR\n");
		reps(List.of(Map.of("code", "ana", "name", "Ana", "role", "AE"), Map.of("code", "bob", "name", "Bob", "role", "AE")), List.of());
		Map<String, Object> plan = new java.util.LinkedHashMap<>();
		plan.put("currency", "EUR");
		plan.put("eligibility", "stage == 'CLOSED_WON'");
		plan.put("baseRates", List.of(Map.of("role", "*", "product", "*", "region", "*", "ratePercent", 10)));
		plan.put("tiers", Map.of("method", "GRADUATED", "bands", List.of(Map.of("name", "Base", "fromAttainmentPercent", 0, "multiplierPercent", 100),
				Map.of("name", "Accelerator", "fromAttainmentPercent", 100, "multiplierPercent", 150))));
		String version = publishedPlan("AE", plan);
		assign(version, "2026-03", "ana", "bob");
		run("march", "2026-03", Map.of());
		return version;
	}

}
