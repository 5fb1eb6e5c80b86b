package com.performanceos.rules.commissions.plans;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.performanceos.rules.engine.JsonValues;
import com.performanceos.rules.engine.RuleDefinitionException;
import com.performanceos.rules.engine.RuleDefinitionException.Problem;
import com.performanceos.rules.engine.expressions.CelExpressions;
import com.performanceos.rules.engine.expressions.VariableType;
import com.performanceos.rules.registry.DefinitionChecker;
import com.performanceos.rules.registry.RuleKind;

/**
 * Reads a {@code COMMISSION_PLAN} definition, and checks it for the registry when a version is saved:
 * <pre>{@code
 * { "currency": "EUR", "measure": "AMOUNT",
 *   "eligibility": "stage == 'CLOSED_WON' && amount >= 1000000",
 *   "baseRates": [ { "role": "AE", "product": "*", "region": "*", "ratePercent": 10 } ],
 *   "tiers": { "method": "GRADUATED", "bands": [ { "name": "Base", "fromAttainmentPercent": 0, "multiplierPercent": 100 },
 *                                               { "name": "Accelerator", "fromAttainmentPercent": 100, "multiplierPercent": 150 } ] },
 *   "rollUp": { "ratePercent": 1 }, "capPerPeriod": 50000, "clawbackWindowDays": 90,
 *   "draw": { "amountPerPeriod": 3000, "recoverable": true } }
 * }</pre>
 * A tier gives either its own {@code ratePercent} or a {@code multiplierPercent} of the base rate. In the eligibility
 * condition, {@code amount} and {@code arr} are MONEY, which CEL sees as integer cents (ADR 0008: no floating point):
 * {@code amount >= 1000000} is 10,000.00. Every problem is
 * reported with its location, all at once.
 */
@Component
public final class PlanDefinitions implements DefinitionChecker {

	/** The variables an eligibility condition may use, with their types. */
	public static final Map<String, VariableType> ELIGIBILITY_VARIABLES = eligibilityVariables();

	/** The most base rate rows and tiers a plan has. */
	static final int ROWS_MAX = 1_000;

	static final int TIERS_MAX = 20;

	/** Rates and caps are bounded so that no product of amounts can overflow the stored precision. */
	private static final BigDecimal PERCENT_MAX = new BigDecimal("1000");

	private static final BigDecimal AMOUNT_MAX = new BigDecimal("1000000000000");

	@Override
	public RuleKind kind() {
		return RuleKind.COMMISSION_PLAN;
	}

	@Override
	public void check(@Nullable Object definition) {
		read(definition);
	}

	/** The plan of a stored definition text. */
	public static CommissionPlan read(String definitionText) {
		return read(JsonValues.parse(definitionText));
	}

	/**
	 * The plan of a definition given as JSON values.
	 * @throws RuleDefinitionException naming every problem
	 */
	public static CommissionPlan read(@Nullable Object definition) {
		if (!(definition instanceof Map<?, ?> spec)) {
			throw RuleDefinitionException.of("definition", "a commission plan is an object (currency, eligibility, tiers...)");
		}
		Reader reader = new Reader(spec);
		return reader.plan();
	}

	private static Map<String, VariableType> eligibilityVariables() {
		Map<String, VariableType> variables = new LinkedHashMap<>();
		variables.put("stage", VariableType.STRING);
		variables.put("product", VariableType.STRING);
		variables.put("region", VariableType.STRING);
		variables.put("role", VariableType.STRING);
		variables.put("amount", VariableType.MONEY);
		variables.put("arr", VariableType.MONEY);
		return Map.copyOf(variables);
	}

	/** Collects every problem of one definition before refusing it. */
	private static final class Reader {

		private final Map<?, ?> spec;

		private final List<Problem> problems = new ArrayList<>();

		Reader(Map<?, ?> spec) {
			this.spec = spec;
		}

		CommissionPlan plan() {
			Currency currency = currency();
			CommissionPlan.Measure measure = choice(spec.get("measure"), "measure", CommissionPlan.Measure.class, CommissionPlan.Measure.AMOUNT);
			var eligibility = eligibility();
			List<CommissionPlan.RateRow> rates = rates();
			CommissionPlan.TierMethod method = CommissionPlan.TierMethod.GRADUATED;
			List<CommissionPlan.Tier> tiers = List.of();
			if (spec.get("tiers") instanceof Map<?, ?> tierSpec) {
				method = choice(tierSpec.get("method"), "tiers.method", CommissionPlan.TierMethod.class, null);
				tiers = tiers(tierSpec.get("bands"), !rates.isEmpty());
			}
			else {
				problems.add(new Problem("tiers", "expected { method: GRADUATED | RETROACTIVE, bands: [...] }"));
			}
			BigDecimal rollUp = null;
			if (spec.get("rollUp") instanceof Map<?, ?> rollUpSpec) {
				rollUp = decimal(rollUpSpec.get("ratePercent"), "rollUp.ratePercent", PERCENT_MAX, true);
			}
			else if (spec.get("rollUp") != null) {
				problems.add(new Problem("rollUp", "expected { ratePercent }"));
			}
			BigDecimal cap = spec.get("capPerPeriod") == null ? null : decimal(spec.get("capPerPeriod"), "capPerPeriod", AMOUNT_MAX, false);
			Integer window = null;
			if (spec.get("clawbackWindowDays") != null) {
				BigDecimal days = decimal(spec.get("clawbackWindowDays"), "clawbackWindowDays", new BigDecimal("3660"), false);
				if (days != null && days.stripTrailingZeros().scale() > 0) {
					problems.add(new Problem("clawbackWindowDays", "a whole number of days"));
				}
				window = days == null ? null : days.intValue();
			}
			CommissionPlan.Draw draw = null;
			if (spec.get("draw") instanceof Map<?, ?> drawSpec) {
				BigDecimal amount = decimal(drawSpec.get("amountPerPeriod"), "draw.amountPerPeriod", AMOUNT_MAX, true);
				if (!(drawSpec.get("recoverable") instanceof Boolean recoverable)) {
					problems.add(new Problem("draw.recoverable", "true or false"));
				}
				else if (amount != null) {
					draw = new CommissionPlan.Draw(amount, recoverable);
				}
			}
			else if (spec.get("draw") != null) {
				problems.add(new Problem("draw", "expected { amountPerPeriod, recoverable }"));
			}
			if (!problems.isEmpty()) {
				throw new RuleDefinitionException(problems);
			}
			return new CommissionPlan(java.util.Objects.requireNonNull(currency), measure, java.util.Objects.requireNonNull(eligibility),
					rates, java.util.Objects.requireNonNull(method), tiers, rollUp, cap, window, draw);
		}

		private @Nullable Currency currency() {
			if (spec.get("currency") instanceof String code) {
				try {
					return Currency.getInstance(code);
				}
				catch (IllegalArgumentException ex) {
					// Reported below with the others.
				}
			}
			problems.add(new Problem("currency", "an ISO 4217 currency code"));
			return null;
		}

		private com.performanceos.rules.engine.expressions.@Nullable CompiledExpression eligibility() {
			Object source = spec.get("eligibility");
			if (!(source instanceof String text) || text.isBlank()) {
				problems.add(new Problem("eligibility", "a CEL condition over " + String.join(", ", ELIGIBILITY_VARIABLES.keySet())));
				return null;
			}
			try {
				return CelExpressions.compile(text, ELIGIBILITY_VARIABLES, VariableType.BOOL);
			}
			catch (RuleDefinitionException ex) {
				ex.problems().forEach(problem -> problems.add(new Problem("eligibility." + problem.location(), problem.message())));
				return null;
			}
		}

		private List<CommissionPlan.RateRow> rates() {
			Object value = spec.get("baseRates");
			if (value == null) {
				return List.of();
			}
			if (!(value instanceof List<?> rows) || rows.size() > ROWS_MAX) {
				problems.add(new Problem("baseRates", "a list of at most " + ROWS_MAX + " rows { role, product, region, ratePercent }"));
				return List.of();
			}
			List<CommissionPlan.RateRow> read = new ArrayList<>();
			for (int index = 0; index < rows.size(); index++) {
				String where = "baseRates[" + index + "]";
				if (!(rows.get(index) instanceof Map<?, ?> row)) {
					problems.add(new Problem(where, "expected { role, product, region, ratePercent }"));
					continue;
				}
				BigDecimal rate = decimal(row.get("ratePercent"), where + ".ratePercent", PERCENT_MAX, true);
				String role = text(row.get("role"), where + ".role");
				String product = text(row.get("product"), where + ".product");
				String region = text(row.get("region"), where + ".region");
				if (rate != null && role != null && product != null && region != null) {
					read.add(new CommissionPlan.RateRow(role, product, region, rate));
				}
			}
			return List.copyOf(read);
		}

		private List<CommissionPlan.Tier> tiers(@Nullable Object value, boolean hasBaseRates) {
			if (!(value instanceof List<?> bands) || bands.isEmpty() || bands.size() > TIERS_MAX) {
				problems.add(new Problem("tiers.bands", "1 to " + TIERS_MAX + " bands { name, fromAttainmentPercent, ratePercent | multiplierPercent }"));
				return List.of();
			}
			List<CommissionPlan.Tier> read = new ArrayList<>();
			BigDecimal previous = null;
			for (int index = 0; index < bands.size(); index++) {
				String where = "tiers.bands[" + index + "]";
				if (!(bands.get(index) instanceof Map<?, ?> band)) {
					problems.add(new Problem(where, "expected { name, fromAttainmentPercent, ratePercent | multiplierPercent }"));
					continue;
				}
				BigDecimal from = decimal(band.get("fromAttainmentPercent"), where + ".fromAttainmentPercent", new BigDecimal("100000"), true);
				if (from != null && index == 0 && from.signum() != 0) {
					problems.add(new Problem(where + ".fromAttainmentPercent", "the first tier starts at 0"));
				}
				if (from != null && previous != null && from.compareTo(previous) <= 0) {
					problems.add(new Problem(where + ".fromAttainmentPercent", "tiers go upward: above " + previous.toPlainString()));
				}
				previous = from == null ? previous : from;
				boolean hasRate = band.get("ratePercent") != null;
				boolean hasMultiplier = band.get("multiplierPercent") != null;
				if (hasRate == hasMultiplier) {
					problems.add(new Problem(where, "give either ratePercent or multiplierPercent"));
					continue;
				}
				if (hasMultiplier && !hasBaseRates) {
					problems.add(new Problem(where + ".multiplierPercent", "a multiplier scales the base rate: the plan needs baseRates"));
				}
				BigDecimal rate = hasRate ? decimal(band.get("ratePercent"), where + ".ratePercent", PERCENT_MAX, true) : null;
				BigDecimal multiplier = hasMultiplier ? decimal(band.get("multiplierPercent"), where + ".multiplierPercent", PERCENT_MAX, true) : null;
				String name = band.get("name") instanceof String given && !given.isBlank() ? given.strip() : "Tier " + (index + 1);
				if (from != null) {
					read.add(new CommissionPlan.Tier(name, from, rate, multiplier));
				}
			}
			return List.copyOf(read);
		}

		private @Nullable BigDecimal decimal(@Nullable Object value, String where, BigDecimal max, boolean zeroAllowed) {
			BigDecimal number = null;
			if (value instanceof BigDecimal decimal) {
				number = decimal;
			}
			else if (value instanceof Number other) {
				number = new BigDecimal(other.toString());
			}
			else if (value instanceof String text) {
				try {
					number = new BigDecimal(text.strip());
				}
				catch (NumberFormatException ex) {
					// Reported below.
				}
			}
			if (number == null || number.signum() < 0 || (!zeroAllowed && number.signum() == 0) || number.compareTo(max) > 0
					|| number.stripTrailingZeros().scale() > 6) {
				problems.add(new Problem(where, "a decimal " + (zeroAllowed ? "from 0" : "above 0") + " to " + max.toPlainString()
						+ " with at most 6 decimal places"));
				return null;
			}
			return number;
		}

		private @Nullable String text(@Nullable Object value, String where) {
			if (value instanceof String text && !text.isBlank() && text.length() <= 200) {
				return text.strip();
			}
			problems.add(new Problem(where, "a text of 1 to 200 characters, or * for any"));
			return null;
		}

		private <E extends Enum<E>> @Nullable E choice(@Nullable Object value, String where, Class<E> type, @Nullable E absent) {
			if (value == null && absent != null) {
				return absent;
			}
			if (value instanceof String name) {
				try {
					return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
				}
				catch (IllegalArgumentException ex) {
					// Reported below.
				}
			}
			problems.add(new Problem(where, "one of " + java.util.Arrays.toString(type.getEnumConstants())));
			return null;
		}

	}

}
