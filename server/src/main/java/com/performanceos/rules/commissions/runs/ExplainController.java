package com.performanceos.rules.commissions.runs;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.rules.commissions.plans.AssignCommissionPlan;
import com.performanceos.rules.sales.SalesData;

/** GraphQL edge of explanations and what-ifs, under the same access scope as statements and lines. */
@Controller
class ExplainController {

	/** The most lines a statement's explanation walks (a statement longer than that is explained line by line). */
	static final int STATEMENT_LINES_MAX = 1_000;

	private final TenantDatabase database;

	private final RunStore store;

	private final CommissionAccess access;

	private final WhatIf whatIf;

	private final PlainExplanations plain;

	private final SalesData sales;

	ExplainController(TenantDatabase database, RunStore store, CommissionAccess access, WhatIf whatIf, PlainExplanations plain, SalesData sales) {
		this.plain = plain;
		this.sales = sales;
		this.database = database;
		this.store = store;
		this.access = access;
		this.whatIf = whatIf;
	}

	record WhatIfInput(String rep, String period, List<WhatIf.DealInput> deals) {
	}

	@QueryMapping
	Mono<Explanations.Explanation> explainCommissionLine(@Argument String id, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return GlobalId.decode(id, CommissionLine.TYPE_NAME)
			.map(key -> database.run(viewer.tenant(), tx -> store.linesByKey(tx, List.of(key)).flatMap(lines -> lines.isEmpty() ? Mono.empty()
					: access.scope(tx, viewer, YearMonth.parse(lines.getFirst().period())).filter(scope -> scope.allows(lines.getFirst().rep()))
						.map(scope -> Explanations.line(lines.getFirst())))))
			.orElse(Mono.empty());
	}

	/**
	 * A line explained in plain language for the rep: the deterministic sentence, read under the same scope as
	 * {@code explainCommissionLine} (a REP only their own lines), then reworded by the model outside the transaction.
	 */
	@QueryMapping
	Mono<PlainExplanations.Plain> explainCommissionLinePlainly(@Argument String id, @Argument @Nullable String language,
			@ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		boolean french = "FR".equals(language);
		return GlobalId.decode(id, CommissionLine.TYPE_NAME)
			.map(key -> database.run(viewer.tenant(), tx -> store.linesByKey(tx, List.of(key)).flatMap(lines -> lines.isEmpty() ? Mono.empty()
					: access.scope(tx, viewer, YearMonth.parse(lines.getFirst().period())).filter(scope -> scope.allows(lines.getFirst().rep()))
						.flatMap(scope -> sales.reps(tx).map(reps -> {
							Explanations.Explanation explanation = Explanations.line(lines.getFirst());
							return Map.entry(french ? explanation.fr() : explanation.en(), reps.stream()
								.map(rep -> new PlainExplanations.Person(rep.code(), rep.name())).toList());
						}))))
				.flatMap(found -> plain.reword(viewer.tenant(), found.getKey(), french, found.getValue())))
			.orElse(Mono.empty());
	}

	@QueryMapping
	Mono<Explanations.Explanation> explainStatement(@Argument String rep, @Argument String period, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		if (!AssignCommissionPlan.PERIOD.matcher(period).matches()) {
			return Mono.error(new GraphQlException(ErrorCode.BAD_USER_INPUT, "A period is written YYYY-MM"));
		}
		return database.run(viewer.tenant(), tx -> access.scope(tx, viewer, YearMonth.parse(period)).flatMap(scope -> !scope.allows(rep)
				? Mono.<Explanations.Explanation>empty()
				: store.latest(tx, period).flatMap(run -> store.totals(tx, run.key(), List.of(rep)).flatMap(totals -> totals.isEmpty() ? Mono.empty()
						: store.lines(tx, run.key(), List.of(rep), 0, STATEMENT_LINES_MAX)
							.map(lines -> Explanations.statement(new Statement(rep, run, totals.getFirst()), lines))))));
	}

	@QueryMapping
	Mono<WhatIf.Answer> commissionWhatIf(@Argument WhatIfInput input, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return whatIf.answer(viewer, input.rep(), input.period(), input.deals());
	}

}
