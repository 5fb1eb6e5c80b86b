package com.performanceos.scenarios.whatif;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.graphql.Money;
import com.performanceos.platform.security.Viewer;
import com.performanceos.rules.commissions.variants.PlanVariants;
import com.performanceos.scenarios.cash.OneOff;
import com.performanceos.scenarios.planning.ForecastView;
import com.performanceos.scenarios.planning.ScenarioService;

/**
 * The commission what-if scenario kind (issue 12): a plan variant over a month, its cost and per-rep deltas against the
 * published plan (computed by the commissions' {@link PlanVariants}, the same calculator as a run), and the scenario's
 * forecast without and with the cost difference leaving the bank on the payment day, as a one-off in the plan's
 * currency (converted like any one-off). Reads only.
 */
@Service
class CommissionWhatIf {

	/** The label of the one-off the difference becomes in the forecast. */
	static final String ONE_OFF_ID = "commission-plan-variant";

	private final PlanVariants variants;

	private final ScenarioService scenarios;

	CommissionWhatIf(PlanVariants variants, ScenarioService scenarios) {
		this.variants = variants;
		this.scenarios = scenarios;
	}

	/** The schema's {@code ScenarioCommissionWhatIfInput}. */
	record Input(String scenarioId, String period, String planVersionId, List<PlanVariants.RateInput> rates, LocalDate paymentDate,
			@Nullable LocalDate asOf, @Nullable Integer horizonDays) {
	}

	/**
	 * The schema's {@code ScenarioCommissionWhatIf}.
	 *
	 * @param cashEffect minus the variant's delta, in the plan's currency: what the forecast adds on the payment day
	 * @param closingDelta the closing with the variant minus the closing without, in the reporting currency
	 */
	record Answer(PlanVariants.Answer variant, LocalDate paymentDate, Money cashEffect, ForecastView baseline, ForecastView withVariant,
			Money closingDelta) {
	}

	Mono<Answer> answer(Viewer viewer, Input input) {
		Optional<UUID> scenarioKey = GlobalId.decode(input.scenarioId(), "Scenario");
		if (scenarioKey.isEmpty()) {
			return Mono.error(new GraphQlException(ErrorCode.NOT_FOUND, "No scenario " + input.scenarioId()));
		}
		YearMonth period;
		try {
			period = YearMonth.parse(input.period());
		}
		catch (DateTimeParseException ex) {
			return Mono.error(new GraphQlException(ErrorCode.BAD_USER_INPUT, "A period is written YYYY-MM"));
		}
		if (input.paymentDate().isBefore(period.atDay(1))) {
			return Mono.error(new GraphQlException(ErrorCode.BAD_USER_INPUT, "paymentDate cannot be before the month it pays ("
					+ period + ")"));
		}
		return variants.answer(viewer, new PlanVariants.Input(input.period(), input.planVersionId(), input.rates()))
			.flatMap(variant -> {
				Money effect = new Money(variant.delta().negate(), Currency.getInstance(variant.currency()));
				OneOff oneOff = new OneOff(ONE_OFF_ID, "Commission plan variant, " + variant.period(), input.paymentDate(), effect.amount(),
						variant.currency());
				return scenarios.forecastBeside(viewer, scenarioKey.get(), input.asOf(), input.horizonDays(), List.of(oneOff))
					.switchIfEmpty(Mono.error(() -> new GraphQlException(ErrorCode.NOT_FOUND, "No scenario " + input.scenarioId())))
					.flatMap(both -> {
						ForecastView baseline = both.baseline();
						LocalDate last = baseline.asOf().plusDays(baseline.horizonDays() - 1L);
						if (input.paymentDate().isBefore(baseline.asOf()) || input.paymentDate().isAfter(last)) {
							return Mono.error(new GraphQlException(ErrorCode.BAD_USER_INPUT, "paymentDate must fall in the forecast, "
									+ baseline.asOf() + " to " + last));
						}
						return Mono.just(new Answer(variant, input.paymentDate(), effect, baseline, both.with(),
								new Money(both.with().closing().amount().subtract(baseline.closing().amount()), baseline.reportingCurrency())));
					});
			});
	}

}
