package com.performanceos.platform.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The facts and the sales cube both engines are tested with; totals in the tests are computed from this by hand. */
final class AnalyticsFixture {

	/** Stored as an account code to prove literals cannot be broken out of in either dialect. */
	static final String HOSTILE_ACCOUNT = "O'Brien\\' OR '1'='1 \\\"x\\";

	static final FactTable SALES_TABLE = new FactTable("sales", Set.of("sale"),
			List.of(new FactTable.Column("account_code", ColumnType.STRING),
					new FactTable.Column("amount", ColumnType.DECIMAL),
					new FactTable.Column("quantity", ColumnType.LONG)));

	static final CubeDefinition SALES = new CubeDefinition("sales", SALES_TABLE, "occurred_at",
			Map.of("revenue", new CubeDefinition.Measure(Aggregation.SUM, "amount"), "quantity",
					new CubeDefinition.Measure(Aggregation.SUM, "quantity"), "lines",
					new CubeDefinition.Measure(Aggregation.COUNT, null), "accounts",
					new CubeDefinition.Measure(Aggregation.COUNT_DISTINCT, "account_code")),
			Map.of("account", "account_code", "type", "type"));

	private AnalyticsFixture() {
	}

	/**
	 * For {@code tenant}: in 2026, January has 3 sales and 1 refund, February 2 sales and 2 refunds, March 1 sale;
	 * logins in January and one sale in December 2025 lie outside the filter and the range of the tests.
	 */
	static List<AnalyticsEvent> events(String tenant) {
		List<AnalyticsEvent> events = new ArrayList<>();
		events.add(sale(tenant, "2025-12-31T23:59:59Z", "4000", "7", 1));
		events.add(sale(tenant, "2026-01-01T00:00:00Z", "4000", "10.50", 2));
		events.add(sale(tenant, "2026-01-15T12:30:00Z", "4000", "20.25", 1));
		events.add(sale(tenant, "2026-01-31T23:59:59Z", HOSTILE_ACCOUNT, "5.000001", 3));
		events.add(event(tenant, "refund", "2026-01-20T08:00:00Z"));
		events.add(event(tenant, "login", "2026-01-02T08:00:00Z"));
		events.add(event(tenant, "login", "2026-01-03T08:00:00Z"));
		events.add(sale(tenant, "2026-02-01T00:00:00Z", "4100", "100", 10));
		events.add(sale(tenant, "2026-02-28T10:00:00Z", "4000", "0.75", 1));
		events.add(event(tenant, "refund", "2026-02-02T08:00:00Z"));
		events.add(event(tenant, "refund", "2026-02-03T08:00:00Z"));
		events.add(sale(tenant, "2026-03-31T23:59:59Z", "4100", "1", 1));
		return events;
	}

	static AnalyticsEvent sale(String tenant, String at, String account, String amount, long quantity) {
		return new AnalyticsEvent(UUID.randomUUID(), tenant, "sale", Instant.parse(at),
				Map.of("account_code", account, "amount", new BigDecimal(amount), "quantity", quantity));
	}

	static AnalyticsEvent event(String tenant, String type, String at) {
		return new AnalyticsEvent(UUID.randomUUID(), tenant, type, Instant.parse(at), Map.of());
	}

}
