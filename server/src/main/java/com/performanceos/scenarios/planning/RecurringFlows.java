package com.performanceos.scenarios.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.bank.BankPositions;
import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.scenarios.cash.ForecastInputs;
import com.performanceos.scenarios.recurring.BankTransaction;
import com.performanceos.scenarios.recurring.RecurringFlowDetector;
import com.performanceos.scenarios.recurring.RecurringSeries;

/**
 * Recurring flows detected in the last year of bank history, with the decision a person took on each:
 * only confirmed series (with their edited amount, if any) enter a forecast.
 */
@Component
class RecurringFlows {

	/** Days of bank history the detection reads before the forecast's first day. */
	static final int HISTORY_DAYS = 365;

	private final BankPositions bank;

	private final RecurringFlowDetector detector = RecurringFlowDetector.withDefaults();

	RecurringFlows(BankPositions bank) {
		this.bank = bank;
	}

	/** The schema's {@code RecurringFlowDecision}. */
	enum Decision {

		PROPOSED, CONFIRMED, DISMISSED

	}

	/** A detected series and what was decided about it; {@code amount} is the edited amount of a confirmed series. */
	record Proposal(String seriesKey, RecurringSeries series, Decision decision, @Nullable BigDecimal amount) {

		BigDecimal forecastAmount() {
			return amount != null ? amount : series.amount();
		}

	}

	/** The detector's group key: one series per normalised counterparty, currency and direction. */
	static String keyOf(RecurringSeries series) {
		return series.counterpartyKey() + '|' + series.currency() + '|' + (series.amount().signum() < 0 ? "OUT" : "IN");
	}

	Mono<List<Proposal>> proposals(TenantTransaction tx, LocalDate asOf) {
		return bank.history(tx, asOf.minusDays(HISTORY_DAYS), asOf.minusDays(1))
			.map(movements -> detector.detect(movements.stream()
				.map(movement -> new BankTransaction(movement.key().toString(), movement.bookingDate(), movement.amount(),
						movement.currency(), movement.counterparty()))
				.toList()))
			.flatMap(detected -> decisions(tx).map(decided -> detected.stream().map(series -> {
				Stored stored = decided.get(keyOf(series));
				return stored == null ? new Proposal(keyOf(series), series, Decision.PROPOSED, null)
						: new Proposal(keyOf(series), series, stored.decision(), stored.amount());
			}).toList()));
	}

	Mono<List<ForecastInputs.RecurringFlow>> confirmed(TenantTransaction tx, LocalDate asOf) {
		return proposals(tx, asOf).map(found -> found.stream()
			.filter(proposal -> proposal.decision() == Decision.CONFIRMED)
			.map(proposal -> new ForecastInputs.RecurringFlow(proposal.seriesKey(), proposal.series().counterpartyKey(),
					proposal.series().cadence(), proposal.series().nextOccurrence(), proposal.forecastAmount(),
					proposal.series().currency()))
			.toList());
	}

	/** Records (or replaces) the decision on a series. */
	Mono<Void> decide(TenantTransaction tx, String seriesKey, Decision decision, @Nullable BigDecimal amount, String actor) {
		var insert = tx.db().sql("""
				INSERT INTO scenarios_recurring_decision (tenant_id, id, series_key, decision, amount, decided_by)
				VALUES (:tenant, :id, :key, :decision, :amount, :actor)
				ON CONFLICT (tenant_id, series_key) DO UPDATE SET decision = EXCLUDED.decision, amount = EXCLUDED.amount,
				  decided_by = EXCLUDED.decided_by, decided_at = clock_timestamp()""")
			.bind("tenant", tx.tenant())
			.bind("id", UUID.randomUUID())
			.bind("key", seriesKey)
			.bind("decision", decision.name())
			.bind("actor", actor);
		return (amount == null ? insert.bindNull("amount", BigDecimal.class) : insert.bind("amount", amount)).then();
	}

	private Mono<Map<String, Stored>> decisions(TenantTransaction tx) {
		return tx.db().sql("SELECT series_key, decision, amount FROM scenarios_recurring_decision")
			.map(row -> new Stored(row.get("series_key", String.class), Decision.valueOf(row.get("decision", String.class)),
					row.get("amount", BigDecimal.class)))
			.all()
			.collectMap(Stored::seriesKey);
	}

	private record Stored(String seriesKey, Decision decision, @Nullable BigDecimal amount) {
	}

}
