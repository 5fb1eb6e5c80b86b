package com.performanceos.rules.commissions.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.rules.commissions.calculation.CalculationInputs;
import com.performanceos.rules.commissions.calculation.CalculationResult;
import com.performanceos.rules.commissions.calculation.Calculator;
import com.performanceos.testsupport.IntegrationTest;
import com.performanceos.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On-demand measurement of a calculation run (run by {@code bench/run-commissions-bench.sh}, never by the suite: the
 * class name does not end in {@code Tests}) beside the same plan written by hand in plain SQL on the same PostgreSQL.
 *
 * <p>The data ({@link GeneratedSales}): {@code commissions.bench.deals} deals closed in March 2026 over 500 reps, one in
 * ten split 60/40 with the next rep, one in twenty CLOSED_LOST (not eligible); quotas spread so that reps end in each
 * of the three GRADUATED tiers (8 % to 100 %, 12 % to 150 %, 16 % above) and a cap per period takes some of them. The
 * plan is written, published and assigned through the API, and each run is started
 * through the API and awaited as a job. Rounds alternate which side goes first; both must give the same line count,
 * the same sum of line amounts and the same payable per rep (checksums compared in PostgreSQL).
 */
@EnabledIfSystemProperty(named = "commissions.bench.deals", matches = "[0-9]+")
class CommissionCalculationBench extends IntegrationTest {

	private static final String PERIOD = GeneratedSales.PERIOD;

	private static final Duration RUN_WINDOW = Duration.ofMinutes(30);

	@Autowired
	private TenantDatabase database;

	@Autowired
	private RunInputs runInputs;

	@Test
	void aRunBesidePlainSql() throws Exception {
		int deals = Integer.getInteger("commissions.bench.deals");
		int rounds = Integer.getInteger("commissions.bench.rounds", 3);
		CommissionsWorld world = new CommissionsWorld("http://127.0.0.1:" + port, tokens, newTenant("bench-commissions"));
		world.importDeals("seed", "SEED-1,r000,Pro,FR,10.00,10.00,CLOSED_LOST,2026-01-15,EUR\n");
		long seeded = System.nanoTime();
		try (Connection connection = TestServices.shared().superuserConnection()) {
			GeneratedSales.seed(connection, world.tenant, deals);
		}
		System.out.printf("BENCH seed deals=%d seconds=%.1f%n", deals, (System.nanoTime() - seeded) / 1e9);
		String plan = world.publishedPlan("bench plan", Map.of("currency", "EUR", "eligibility", "stage == 'CLOSED_WON'", "capPerPeriod", GeneratedSales.cap(deals),
				"tiers", Map.of("method", "GRADUATED", "bands", List.of(Map.of("name", "Base", "fromAttainmentPercent", 0, "ratePercent", 8),
						Map.of("name", "Accelerator", "fromAttainmentPercent", 100, "ratePercent", 12),
						Map.of("name", "Super", "fromAttainmentPercent", 150, "ratePercent", 16)))));
		List<String> reps = new ArrayList<>();
		for (int rep = 0; rep < GeneratedSales.REPS; rep++) {
			reps.add(GeneratedSales.rep(rep));
		}
		world.assign(plan, PERIOD, reps.toArray(String[]::new));

		List<Double> endToEnd = new ArrayList<>();
		List<Double> read = new ArrayList<>();
		List<Double> compute = new ArrayList<>();
		List<Double> sql = new ArrayList<>();
		int lines = 0;
		for (int round = 1; round <= rounds; round++) {
			Checksum ours = null;
			Checksum theirs = null;
			for (int side = 0; side < 2; side++) {
				if ((side + round) % 2 == 1) {
					long started = System.nanoTime();
					run(world, "bench-" + round);
					endToEnd.add((System.nanoTime() - started) / 1e9);
					ours = ourChecksum(world.tenant);
				}
				else {
					long started = System.nanoTime();
					plainSql(world.tenant, deals);
					sql.add((System.nanoTime() - started) / 1e9);
					theirs = sqlChecksum(world.tenant);
				}
			}
			// The compute phase alone, on inputs read as a run reads them.
			long loading = System.nanoTime();
			CalculationInputs inputs = database.run(world.tenant, tx -> runInputs.load(tx, YearMonth.parse(PERIOD), Instant.now())).block();
			read.add((System.nanoTime() - loading) / 1e9);
			long computing = System.nanoTime();
			CalculationResult result = new Calculator().calculate(java.util.Objects.requireNonNull(inputs));
			compute.add((System.nanoTime() - computing) / 1e9);
			lines = result.lines().size();
			System.out.printf("BENCH round=%d lines=%d endToEndS=%.2f sqlS=%.2f readS=%.2f computeS=%.2f computeLinesPerS=%.0f load=%s%n", round, lines,
					endToEnd.getLast(), sql.getLast(), read.getLast(), compute.getLast(), lines / compute.getLast(), loadAverage());
			System.out.printf("BENCH checksum round=%d ours=%s sql=%s%n", round, ours, theirs);
			assertThat(ours).as("the run and the plain SQL agree").isEqualTo(theirs);
			assertThat(ours.lines()).isEqualTo(lines);
		}
		System.out.printf("BENCH summary deals=%d lines=%d rounds=%d endToEnd=%s sql=%s ratio=%.2f read=%s compute=%s computeLinesPerS=%.0f%n", deals,
				lines, rounds, spread(endToEnd), spread(sql), median(endToEnd) / median(sql), spread(read), spread(compute), lines / median(compute));
		try (Connection connection = TestServices.shared().superuserConnection(); Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE IF EXISTS bench_sql_commission_line, bench_sql_commission_total");
		}
	}

	/** Starts a run through the API and waits for its job to succeed. */
	private static void run(CommissionsWorld world, String key) {
		GraphQlTester.Response started = world.salesOps.documentName("commissionsStartRun")
			.variable("input", Map.of("idempotencyKey", key, "period", PERIOD)).execute();
		started.path("startCalculationRun.userErrors").entityList(Object.class).hasSize(0);
		String id = started.path("startCalculationRun.run.id").entity(String.class).get();
		await().atMost(RUN_WINDOW).pollInterval(Duration.ofMillis(100)).until(() -> !List.of("QUEUED", "RUNNING").contains(
				world.finance.documentName("commissionsRun").variable("id", id).execute().path("calculationRun.status").entity(String.class).get()));
		world.finance.documentName("commissionsRun").variable("id", id).execute().path("calculationRun.status").entity(String.class)
			.isEqualTo("SUCCEEDED");
	}

	/**
	 * The same plan as a team would write it by hand: credit per deal and rep (splits or the owner's 100 %), a running sum
	 * per rep in close date and reference order, each line's slices of the three tiers, rounded to cents; then totals per
	 * rep with the cap. Two statements in one transaction, written to ordinary (logged) tables like the run's.
	 */
	private static void plainSql(String tenant, int deals) throws SQLException {
		try (Connection connection = TestServices.shared().superuserConnection()) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE IF NOT EXISTS bench_sql_commission_line (tenant_id text, rep text, deal_id uuid, credited numeric, "
						+ "amount numeric)");
				statement.execute("CREATE TABLE IF NOT EXISTS bench_sql_commission_total (tenant_id text, rep text, credited numeric, gross numeric, "
						+ "payable numeric)");
				statement.execute("TRUNCATE bench_sql_commission_line, bench_sql_commission_total");
			}
			connection.setAutoCommit(false);
			GeneratedSales.execute(connection, """
					INSERT INTO bench_sql_commission_line (tenant_id, rep, deal_id, credited, amount)
					WITH credited AS (
					  SELECT d.id, d.close_date, d.deal_ref, coalesce(c.rep_code, d.rep) AS rep,
					         round(d.amount * coalesce(c.share_percent, 100) / 100, 6) AS credit
					  FROM sales_deal d LEFT JOIN sales_deal_credit c ON c.deal_id = d.id
					  WHERE d.tenant_id = ? AND d.close_date BETWEEN DATE '2026-03-01' AND DATE '2026-03-31' AND d.stage = 'CLOSED_WON'),
					running AS (
					  SELECT cr.*, q.amount AS b1, q.amount * 1.5 AS b2,
					         sum(cr.credit) OVER (PARTITION BY cr.rep ORDER BY cr.close_date, cr.deal_ref ROWS UNBOUNDED PRECEDING) AS after
					  FROM credited cr JOIN sales_quota q ON q.tenant_id = ? AND q.period = '%s' AND q.rep = cr.rep)
					SELECT ?, rep, id, credit,
					       round(greatest(least(after, b1) - (after - credit), 0) * 8 / 100
					           + greatest(least(after, b2) - greatest(after - credit, b1), 0) * 12 / 100
					           + greatest(after - greatest(after - credit, b2), 0) * 16 / 100, 2)
					FROM running""".formatted(PERIOD), tenant, tenant, tenant);
			GeneratedSales.execute(connection, """
					INSERT INTO bench_sql_commission_total (tenant_id, rep, credited, gross, payable)
					SELECT tenant_id, rep, sum(credited), sum(amount), least(sum(amount), %s) FROM bench_sql_commission_line
					WHERE tenant_id = ? GROUP BY tenant_id, rep""".formatted(GeneratedSales.cap(deals).toPlainString()), tenant);
			connection.commit();
		}
	}

	/** Line count, sum of line amounts, and a digest of each rep's payable. */
	record Checksum(int lines, String amounts, String payables) {
	}

	/** The checksum of the tenant's latest successful run. */
	private static Checksum ourChecksum(String tenant) throws SQLException {
		return checksum("""
				SELECT (SELECT count(*) FROM commission_line WHERE run_id = r.id), (SELECT sum(amount) FROM commission_line WHERE run_id = r.id),
				       (SELECT md5(string_agg(rep_code || ':' || round(payable, 2)::text, ',' ORDER BY rep_code)) FROM commission_rep_total WHERE run_id = r.id)
				FROM commission_run r WHERE r.tenant_id = ? AND r.status = 'SUCCEEDED' ORDER BY r.finished_at DESC LIMIT 1""", tenant);
	}

	private static Checksum sqlChecksum(String tenant) throws SQLException {
		return checksum("""
				SELECT (SELECT count(*) FROM bench_sql_commission_line WHERE tenant_id = ?), (SELECT sum(amount) FROM bench_sql_commission_line WHERE tenant_id = ?),
				       (SELECT md5(string_agg(rep || ':' || round(payable, 2)::text, ',' ORDER BY rep)) FROM bench_sql_commission_total WHERE tenant_id = ?)""",
				tenant, tenant, tenant);
	}

	private static Checksum checksum(String sql, String... parameters) throws SQLException {
		try (Connection connection = TestServices.shared().superuserConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int index = 0; index < parameters.length; index++) {
				statement.setString(index + 1, parameters[index]);
			}
			try (ResultSet row = statement.executeQuery()) {
				row.next();
				return new Checksum(row.getInt(1), row.getBigDecimal(2).stripTrailingZeros().toPlainString(), row.getString(3));
			}
		}
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	private static String spread(List<Double> values) {
		return String.format("%.2f[%.2f-%.2f]", median(values), values.stream().mapToDouble(Double::doubleValue).min().orElse(0),
				values.stream().mapToDouble(Double::doubleValue).max().orElse(0));
	}

	private static String loadAverage() throws IOException {
		return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
	}

}
