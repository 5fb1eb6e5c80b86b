package com.performanceos.platform.analytics;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.performanceos.testsupport.ClickHouseTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The same facts and the same queries on a real ClickHouse server and an embedded DuckDB give the same answers. */
class AnalyticsCubeQueryTests {

	private static final TimeRange FIRST_QUARTER = new TimeRange(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 1));

	@TempDir
	static Path directory;

	private static AnalyticsStore clickHouse;

	private static AnalyticsStore duckDb;

	private final String tenant = "acme-" + UUID.randomUUID();

	@BeforeAll
	static void openStores() {
		clickHouse = new ClickHouseAnalyticsStore(new AnalyticsProperties.ClickHouse(
				ClickHouseTestServer.shared().httpUrl(), "default", "", "default", Duration.ofSeconds(2),
				Duration.ofSeconds(10)), List.of(AnalyticsFixture.SALES));
		duckDb = new DuckDbAnalyticsStore(directory.resolve("analytics.duckdb"), List.of(AnalyticsFixture.SALES));
		clickHouse.initialize();
		duckDb.initialize();
	}

	@AfterAll
	static void closeStores() {
		clickHouse.close();
		duckDb.close();
	}

	@Test
	void countsEventsByMonthAndTypeIdenticallyOnBothEngines() {
		appendToBoth(AnalyticsFixture.events(this.tenant));
		CubeQuery query = new CubeQuery("events", List.of("count"), List.of("type"), TimeGrain.MONTH,
				List.of(Filter.of("type", Filter.Operator.NEQ, "login")), FIRST_QUARTER, 100);

		List<List<Object>> expected = List.of(row(month(1), "refund", 1L), row(month(1), "sale", 3L),
				row(month(2), "refund", 2L), row(month(2), "sale", 2L), row(month(3), "sale", 1L));
		for (AnalyticsStore store : List.of(clickHouse, duckDb)) {
			CubeResult result = store.query(this.tenant, query);
			assertThat(result.columns()).as(store.engine()).containsExactly("period", "type", "count");
			assertThat(result.rows()).as(store.engine()).isEqualTo(expected);
		}
	}

	@Test
	void sumsDecimalsAndLongsExactlyOnBothEngines() {
		appendToBoth(AnalyticsFixture.events(this.tenant));
		CubeQuery query = new CubeQuery("sales", List.of("revenue", "quantity", "lines"), List.of("account"), null,
				List.of(), FIRST_QUARTER, 100);

		List<List<Object>> expected = List.of(row("4000", decimal("31.500000"), 4L, 3L),
				row("4100", decimal("101.000000"), 11L, 2L), row(AnalyticsFixture.HOSTILE_ACCOUNT, decimal("5.000001"), 3L, 1L));
		assertThat(clickHouse.query(this.tenant, query).rows()).isEqualTo(expected);
		assertThat(duckDb.query(this.tenant, query).rows()).isEqualTo(expected);
	}

	@Test
	void seesOnlyTheFactsOfTheQueryingTenant() {
		appendToBoth(AnalyticsFixture.events(this.tenant));
		String otherTenant = "globex-" + UUID.randomUUID();
		CubeQuery everything = new CubeQuery("events", List.of("count"), List.of(), null, List.of(), null, 10);

		for (AnalyticsStore store : List.of(clickHouse, duckDb)) {
			assertThat(store.query(this.tenant, everything).rows()).as(store.engine()).containsExactly(row(12L));
			assertThat(store.query(otherTenant, everything).rows()).as(store.engine()).containsExactly(row(0L));
			assertThat(store.count(otherTenant, "sales")).as(store.engine()).isZero();
		}
	}

	@Test
	void countsARedeliveredEventOnce() {
		List<AnalyticsEvent> events = AnalyticsFixture.events(this.tenant);
		appendToBoth(events);
		appendToBoth(events);
		appendToBoth(List.of(events.get(0), events.get(0)));

		for (AnalyticsStore store : List.of(clickHouse, duckDb)) {
			assertThat(store.count(this.tenant, "events")).as(store.engine()).isEqualTo(12);
			assertThat(store.count(this.tenant, "sales")).as(store.engine()).isEqualTo(7);
		}
	}

	@Test
	void treatsHostileFilterValuesAsLiterals() {
		appendToBoth(AnalyticsFixture.events(this.tenant));
		for (String hostile : List.of("x' OR '1'='1", "x\\' OR 1=1 --", "\\", "'", "4000' --")) {
			CubeQuery query = salesByAccount(Filter.of("account", Filter.Operator.EQ, hostile));
			assertThat(clickHouse.query(this.tenant, query).rows()).as(hostile).isEmpty();
			assertThat(duckDb.query(this.tenant, query).rows()).as(hostile).isEmpty();
		}
		CubeQuery exact = salesByAccount(new Filter("account", Filter.Operator.IN,
				List.of(AnalyticsFixture.HOSTILE_ACCOUNT, "x' OR '1'='1")));
		List<List<Object>> expected = List.of(row(AnalyticsFixture.HOSTILE_ACCOUNT, 1L));
		assertThat(clickHouse.query(this.tenant, exact).rows()).isEqualTo(expected);
		assertThat(duckDb.query(this.tenant, exact).rows()).isEqualTo(expected);
	}

	@Test
	void rejectsNamesTheCubeDoesNotDeclare() {
		for (AnalyticsStore store : List.of(clickHouse, duckDb)) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> store.query(this.tenant,
						new CubeQuery("events", List.of("revenue"), List.of(), null, List.of(), null, 10)))
				.withMessageContaining("no measure 'revenue'");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> store.query(this.tenant,
						new CubeQuery("events", List.of("count"), List.of("tenant_id"), null, List.of(), null, 10)))
				.withMessageContaining("no dimension 'tenant_id'");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> store.query(this.tenant,
						new CubeQuery("payroll", List.of("count"), List.of(), null, List.of(), null, 10)))
				.withMessageContaining("Unknown cube 'payroll'");
		}
	}

	@Test
	void rejectsALimitOverTheCap() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CubeQuery("events", List.of("count"), List.of(), null, List.of(), null,
					CubeQuery.MAX_LIMIT + 1))
			.withMessageContaining("Limit must be between 1 and 10000");
	}

	@Test
	void rejectsAFilterValueOfTheWrongType() {
		CubeQuery query = salesByAccount(Filter.of("account", Filter.Operator.EQ, 4000L));
		assertThatIllegalArgumentException().isThrownBy(() -> duckDb.query(this.tenant, query))
			.withMessageContaining("cannot be compared with a STRING column");
	}

	private CubeQuery salesByAccount(Filter filter) {
		return new CubeQuery("sales", List.of("lines"), List.of("account"), null, List.of(filter), FIRST_QUARTER, 100);
	}

	private static void appendToBoth(List<AnalyticsEvent> events) {
		clickHouse.append(events);
		duckDb.append(events);
	}

	private static LocalDate month(int month) {
		return LocalDate.of(2026, month, 1);
	}

	private static BigDecimal decimal(String value) {
		return new BigDecimal(value);
	}

	private static List<Object> row(Object... values) {
		return List.of(values);
	}

}
