package com.performanceos.rules.commissions.runs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.events.Outbox;
import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.rules.commissions.calculation.CalculationInputs;
import com.performanceos.rules.commissions.calculation.CalculationResult;

/**
 * Announces a successful run's results to analysis through the outbox, in the transaction that records its success:
 * the lines summed per rep, team (manager as of the period's last day), product, region and kind, as
 * {@link CommissionRunFacts} events. Facts are sorted by their key, so the same run announces the same facts.
 */
@Component
class RunAnalyticsFacts {

	/** The most facts one event carries, to keep each outbox row a modest JSON document. */
	static final int FACTS_PER_EVENT = 2_000;

	private final Outbox outbox;

	RunAnalyticsFacts(Outbox outbox) {
		this.outbox = outbox;
	}

	Mono<Void> publish(TenantTransaction tx, CalculationRun run, CalculationInputs inputs, CalculationResult result) {
		Map<UUID, CalculationInputs.CreditedDeal> deals = new HashMap<>();
		inputs.deals().forEach(deal -> deals.put(deal.dealKey(), deal));
		Map<String, String> teams = new HashMap<>();
		Map<List<String>, Sums> sums = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
		for (CalculationResult.Line line : result.lines()) {
			String team = teams.computeIfAbsent(line.rep(), rep -> inputs.hierarchy().managersOf(rep, inputs.period().atEndOfMonth()).stream()
				.findFirst().orElse(""));
			CalculationInputs.CreditedDeal deal = deals.get(line.dealKey());
			List<String> key = List.of(line.rep(), team, deal == null ? "" : deal.product(), deal == null ? "" : deal.region(), line.kind().name());
			sums.computeIfAbsent(key, ignored -> new Sums()).add(line);
		}
		String currency = result.totals().isEmpty() ? "EUR" : result.totals().getFirst().currency().getCurrencyCode();
		List<CommissionRunFacts.Fact> facts = new ArrayList<>(sums.size());
		sums.forEach((key, sum) -> facts.add(new CommissionRunFacts.Fact(key.get(0), key.get(1), key.get(2), key.get(3), key.get(4),
				sum.amount.toPlainString(), sum.credited.toPlainString(), sum.lines, currency)));
		List<Outbox.Occurred> events = new ArrayList<>();
		Instant now = Instant.now();
		for (int from = 0, part = 0; from < facts.size(); from += FACTS_PER_EVENT, part++) {
			events.add(new Outbox.Occurred(now, new CommissionRunFacts(run.id(), run.period(), part,
					List.copyOf(facts.subList(from, Math.min(facts.size(), from + FACTS_PER_EVENT))))));
		}
		return events.isEmpty() ? Mono.empty() : outbox.publishAll(tx, events);
	}

	private static final class Sums {

		private BigDecimal amount = BigDecimal.ZERO;

		private BigDecimal credited = BigDecimal.ZERO;

		private long lines;

		void add(CalculationResult.Line line) {
			amount = amount.add(line.amount());
			credited = credited.add(line.credited());
			lines++;
		}

	}

}
