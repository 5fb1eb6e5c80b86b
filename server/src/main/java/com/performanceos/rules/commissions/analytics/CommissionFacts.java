package com.performanceos.rules.commissions.analytics;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.performanceos.platform.analytics.Aggregation;
import com.performanceos.platform.analytics.AnalyticsEvent;
import com.performanceos.platform.analytics.AnalyticsProjection;
import com.performanceos.platform.analytics.ColumnType;
import com.performanceos.platform.analytics.CubeDefinition;
import com.performanceos.platform.analytics.FactTable;
import com.performanceos.platform.events.DomainEvent;
import com.performanceos.platform.events.EventCodec;
import com.performanceos.rules.commissions.runs.CommissionRunFacts;

/**
 * Every fact of a {@link CommissionRunFacts} event becomes one row of the {@code commission_results} table, as journal
 * lines become the ledger cube's facts. A fact's id derives from its run and its key (rep, team, product, region,
 * kind), so a redelivered event adds nothing. The time column is the first day of the run's month.
 */
@Component
final class CommissionFacts implements AnalyticsProjection {

	static final String FACT = "commissions.Result";

	static final FactTable TABLE = new FactTable("commission_results", Set.of(FACT), List.of(
			new FactTable.Column("run_id", ColumnType.STRING), new FactTable.Column("period_start", ColumnType.DATE),
			new FactTable.Column("rep", ColumnType.STRING), new FactTable.Column("team", ColumnType.STRING),
			new FactTable.Column("product", ColumnType.STRING), new FactTable.Column("region", ColumnType.STRING),
			new FactTable.Column("kind", ColumnType.STRING), new FactTable.Column("amount", ColumnType.DECIMAL),
			new FactTable.Column("credited", ColumnType.DECIMAL), new FactTable.Column("line_count", ColumnType.LONG),
			new FactTable.Column("currency", ColumnType.STRING)));

	static final CubeDefinition CUBE = new CubeDefinition("commission_results", TABLE, "period_start",
			Map.of("amount", new CubeDefinition.Measure(Aggregation.SUM, "amount"),
					"credited", new CubeDefinition.Measure(Aggregation.SUM, "credited"),
					"line_count", new CubeDefinition.Measure(Aggregation.SUM, "line_count")),
			Map.of("run", "run_id", "rep", "rep", "team", "team", "product", "product", "region", "region", "kind", "kind", "currency", "currency"));

	private static final String EVENT = EventCodec.typeOf(CommissionRunFacts.class);

	private final EventCodec codec;

	CommissionFacts(EventCodec codec) {
		this.codec = codec;
	}

	@Override
	public boolean handles(String type) {
		return EVENT.equals(type);
	}

	@Override
	public List<AnalyticsEvent> project(DomainEvent event) {
		CommissionRunFacts run = codec.decode(event, CommissionRunFacts.class);
		LocalDate periodStart = YearMonth.parse(run.period()).atDay(1);
		List<AnalyticsEvent> facts = new ArrayList<>(run.facts().size());
		for (CommissionRunFacts.Fact fact : run.facts()) {
			Map<String, Object> attributes = new HashMap<>();
			attributes.put("run_id", run.runId());
			attributes.put("period_start", periodStart);
			attributes.put("rep", fact.rep());
			attributes.put("team", fact.team());
			attributes.put("product", fact.product());
			attributes.put("region", fact.region());
			attributes.put("kind", fact.kind());
			attributes.put("amount", new BigDecimal(fact.amount()));
			attributes.put("credited", new BigDecimal(fact.credited()));
			attributes.put("line_count", fact.lines());
			attributes.put("currency", fact.currency());
			String key = String.join("\u001f", run.runId(), fact.rep(), fact.team(), fact.product(), fact.region(), fact.kind());
			facts.add(new AnalyticsEvent(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)), event.tenant(), FACT, event.occurredAt(),
					attributes));
		}
		return facts;
	}

}
