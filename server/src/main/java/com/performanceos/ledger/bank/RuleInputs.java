package com.performanceos.ledger.bank;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.idempotency.IdempotencyKeys;

/** The categorisation rule mutations' inputs and payloads, as bound to the schema. */
final class RuleInputs {

	static final String CREATE_OPERATION = "ledger.createCategorizationRule";

	static final int NAME_LENGTH_MAX = 200;

	static final int PRIORITY_MAX = 1_000_000;

	private RuleInputs() {
	}

	/** What a rule is made of, shared by creation and update. */
	record Definition(String name, @Nullable String counterpartyPattern, @Nullable String labelPattern, int priority,
			String accountId) {

		String fingerprint() {
			return String.join("\u001f", name.strip(), String.valueOf(counterpartyPattern), String.valueOf(labelPattern),
					String.valueOf(priority), accountId);
		}

		List<BankError> validate() {
			List<BankError> errors = new ArrayList<>();
			if (name.isBlank() || name.strip().length() > NAME_LENGTH_MAX) {
				errors.add(BankError.invalid("name", "name must have 1 to " + NAME_LENGTH_MAX + " characters"));
			}
			if (counterpartyPattern == null && labelPattern == null) {
				errors.add(BankError.invalid("counterpartyPattern", "a rule needs a counterparty pattern, a label pattern or both"));
			}
			checkPattern(errors, "counterpartyPattern", counterpartyPattern);
			checkPattern(errors, "labelPattern", labelPattern);
			if (priority < 0 || priority > PRIORITY_MAX) {
				errors.add(BankError.invalid("priority", "priority must be between 0 and " + PRIORITY_MAX));
			}
			if (GlobalId.decode(accountId, "Account").isEmpty()) {
				errors.add(BankError.of(BankError.Code.UNKNOWN_ACCOUNT, "accountId", "Not an account id: " + accountId));
			}
			return errors;
		}

		private static void checkPattern(List<BankError> errors, String field, @Nullable String pattern) {
			if (pattern != null && !TextPattern.isValid(pattern)) {
				errors.add(BankError.invalid(field, field + " must have 1 to " + TextPattern.LENGTH_MAX
						+ " characters and more than wildcards (`*` is the only special character)"));
			}
		}

	}

	/** The schema's {@code CreateCategorizationRuleInput}. */
	record CreateInput(String idempotencyKey, String name, @Nullable String counterpartyPattern, @Nullable String labelPattern,
			int priority, String accountId) {

		Definition definition() {
			return new Definition(name, counterpartyPattern, labelPattern, priority, accountId);
		}

		List<BankError> validate() {
			List<BankError> errors = new ArrayList<>();
			IdempotencyKeys.problem(idempotencyKey).ifPresent(problem -> errors.add(BankError.invalid("idempotencyKey", problem)));
			errors.addAll(definition().validate());
			return errors;
		}

	}

	/** The schema's {@code UpdateCategorizationRuleInput}. */
	record UpdateInput(String ruleId, String name, @Nullable String counterpartyPattern, @Nullable String labelPattern,
			int priority, String accountId) {

		Definition definition() {
			return new Definition(name, counterpartyPattern, labelPattern, priority, accountId);
		}

	}

	/** The schema's {@code DeleteCategorizationRuleInput}. */
	record DeleteInput(String ruleId) {
	}

	/** The schema's {@code CreateCategorizationRulePayload} and {@code UpdateCategorizationRulePayload}. */
	record RulePayload(@Nullable CategorizationRule rule, List<BankError> userErrors) {

		static RulePayload failed(List<BankError> errors) {
			return new RulePayload(null, errors);
		}

		static RulePayload failed(BankError error) {
			return new RulePayload(null, List.of(error));
		}

	}

	/** The schema's {@code DeleteCategorizationRulePayload}. */
	record DeletePayload(@Nullable String deletedRuleId, List<BankError> userErrors) {
	}

}
