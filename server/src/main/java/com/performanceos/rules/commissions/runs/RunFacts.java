package com.performanceos.rules.commissions.runs;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.rules.commissions.calculation.CalculationInputs;

/**
 * The runs' published read port for the other commissions packages (approval, shadow): a run's outcome and what each
 * rep is paid by it, the latest successful run's period, and the inputs of a period, read inside the caller's
 * transaction. The runs' tables stay named only here and in {@link RunStore}.
 */
@Component
public final class RunFacts {

	private final RunStore store;

	private final RunInputs inputs;

	RunFacts(RunStore store, RunInputs inputs) {
		this.store = store;
		this.inputs = inputs;
	}

	/**
	 * A run as the approval sees it.
	 *
	 * @param key its primary key
	 * @param id its global id
	 * @param period the month, {@code YYYY-MM}
	 * @param succeeded whether it computed successfully (only such a run is submitted)
	 * @param digest SHA-256 over its inputs and outputs, when it succeeded
	 * @param currency the currency of its amounts, when it succeeded
	 * @param payableByRep what it pays each rep, by rep code
	 */
	public record Summary(UUID key, String id, YearMonth period, boolean succeeded, @Nullable String digest, @Nullable String currency,
			Map<String, BigDecimal> payableByRep) {
	}

	/** The key of a {@code CalculationRun} global id; empty for another type or a malformed id. */
	public static Optional<UUID> runKey(String runId) {
		return GlobalId.decode(runId, CalculationRun.TYPE_NAME);
	}

	/** The global id of a run. */
	public static String runId(UUID runKey) {
		return GlobalId.encode(CalculationRun.TYPE_NAME, runKey);
	}

	/** The run and its totals; empty when the tenant has no such run. */
	public Mono<Summary> summary(TenantTransaction tx, UUID runKey) {
		return store.run(tx, runKey).flatMap(run -> store.totals(tx, runKey, null).map(totals -> {
			Map<String, BigDecimal> payable = new TreeMap<>();
			totals.forEach(total -> payable.put(total.rep(), total.payable()));
			return new Summary(run.key(), run.id(), YearMonth.parse(run.period()), "SUCCEEDED".equals(run.status()), run.digest(), run.currency(),
					payable);
		}));
	}

	/** The period of the newest successful run of a month before {@code before}; empty when there is none. */
	public Mono<YearMonth> latestComputedPeriodBefore(TenantTransaction tx, YearMonth before) {
		return store.latestPeriodBefore(tx, before.toString()).map(YearMonth::parse);
	}

	/** Everything a calculation of the period reads, as known at the instant (what a run would compute from). */
	public Mono<CalculationInputs> inputs(TenantTransaction tx, YearMonth period, Instant knownAt) {
		return inputs.load(tx, period, knownAt);
	}

}
