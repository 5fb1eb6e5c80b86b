package com.performanceos.platform.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** How each dialect spells literals and compiles a cube query, checked without an engine. */
class AnalyticsSqlRenderingTests {

	private final ClickHouseDialect clickHouse = new ClickHouseDialect();

	private final DuckDbDialect duckDb = new DuckDbDialect();

	@Test
	void escapesBackslashThenQuoteForClickHouse() {
		assertThat(this.clickHouse.stringLiteral("x' OR '1'='1")).isEqualTo("'x\\' OR \\'1\\'=\\'1'");
		assertThat(this.clickHouse.stringLiteral("a\\'b")).isEqualTo("'a\\\\\\'b'");
		assertThat(this.clickHouse.stringLiteral("\\")).isEqualTo("'\\\\'");
	}

	@Test
	void doublesQuotesAndKeepsBackslashesForDuckDb() {
		assertThat(this.duckDb.stringLiteral("x' OR '1'='1")).isEqualTo("'x'' OR ''1''=''1'");
		assertThat(this.duckDb.stringLiteral("a\\'b")).isEqualTo("'a\\''b'");
	}

	@Test
	void rendersDatesTimestampsAndDecimalsTyped() {
		assertThat(this.clickHouse.literal(LocalDate.of(2026, 1, 1), ColumnType.DATE)).isEqualTo("toDate('2026-01-01')");
		assertThat(this.duckDb.literal(LocalDate.of(2026, 1, 1), ColumnType.DATE)).isEqualTo("DATE '2026-01-01'");
		Instant instant = Instant.parse("2026-03-04T05:06:07.891Z");
		assertThat(this.clickHouse.literal(instant, ColumnType.TIMESTAMP))
			.isEqualTo("toDateTime('2026-03-04 05:06:07', 'UTC')");
		assertThat(this.duckDb.literal(instant, ColumnType.TIMESTAMP)).isEqualTo("TIMESTAMP '2026-03-04 05:06:07'");
		assertThat(this.clickHouse.literal(new BigDecimal("12.5"), ColumnType.DECIMAL))
			.isEqualTo("CAST('12.500000' AS Decimal(38, 6))");
		assertThat(this.duckDb.literal(3L, ColumnType.DECIMAL)).isEqualTo("CAST('3.000000' AS DECIMAL(38, 6))");
		assertThat(this.duckDb.literal(-42L, ColumnType.LONG)).isEqualTo("-42");
	}

	@Test
	void rejectsValuesNeitherEngineCanHoldExactly() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.clickHouse.literal(new BigDecimal("0.0000001"), ColumnType.DECIMAL))
			.withMessageContaining("more than 6 decimals");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.duckDb.literal(LocalDate.of(1969, 12, 31), ColumnType.DATE))
			.withMessageContaining("outside");
		assertThatIllegalArgumentException().isThrownBy(() -> this.duckDb.literal("4000", ColumnType.LONG))
			.withMessageContaining("cannot be compared with a LONG column");
	}

	@Test
	void bucketsTimeWithFunctionsEachEngineHas() {
		assertThat(this.clickHouse.period(TimeGrain.WEEK, "occurred_at")).isEqualTo("toMonday(occurred_at)");
		assertThat(this.clickHouse.period(TimeGrain.QUARTER, "occurred_at")).isEqualTo("toStartOfQuarter(occurred_at)");
		assertThat(this.duckDb.period(TimeGrain.MONTH, "occurred_at"))
			.isEqualTo("CAST(date_trunc('month', occurred_at) AS DATE)");
	}

	@Test
	void compilesATenantScopedGroupedQueryForClickHouse() {
		CubeQuery query = new CubeQuery("events", List.of("count"), List.of("type"), TimeGrain.MONTH,
				List.of(new Filter("type", Filter.Operator.IN, List.of("sale", "it's"))),
				new TimeRange(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 1)), 50);

		String sql = new CubeSqlRenderer(this.clickHouse).render(CubeDefinition.EVENTS, "t'1", query).sql();

		assertThat(sql).isEqualTo("SELECT toStartOfMonth(occurred_at) AS _c0, type AS _c1, count() AS _c2"
				+ " FROM events FINAL WHERE tenant_id = 't\\'1'"
				+ " AND occurred_at >= toDateTime('2026-01-01 00:00:00', 'UTC')"
				+ " AND occurred_at < toDateTime('2026-04-01 00:00:00', 'UTC') AND type IN ('sale', 'it\\'s')"
				+ " GROUP BY toStartOfMonth(occurred_at), type ORDER BY toStartOfMonth(occurred_at), type LIMIT 50");
	}

	@Test
	void compilesAnUngroupedQueryForDuckDb() {
		CubeQuery query = new CubeQuery("events", List.of("count"), List.of(), null, List.of(), null, 1);

		String sql = new CubeSqlRenderer(this.duckDb).render(CubeDefinition.EVENTS, "t1", query).sql();

		assertThat(sql).isEqualTo("SELECT count(*) AS _c0 FROM events WHERE tenant_id = 't1' LIMIT 1");
	}

	@Test
	void escapesTabSeparatedFieldsForClickHouseInserts() {
		assertThat(ClickHouseTsv.field("a\tb\nc\\d'e")).isEqualTo("a\\tb\\nc\\\\d'e");
		assertThat(ClickHouseTsv.field(null)).isEqualTo("\\N");
		assertThat(ClickHouseTsv.unescape(ClickHouseTsv.escape("x\t\\N\r\n\0"))).isEqualTo("x\t\\N\r\n\0");
	}

	@Test
	void refusesIdentifiersThatAreNotPlainSnakeCase() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FactTable("sales; DROP TABLE events", java.util.Set.of(), List.of()))
			.withMessageContaining("must match");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FactTable.Column("Amount", ColumnType.DECIMAL))
			.withMessageContaining("must match");
	}

}
