package com.performanceos.scenarios.planning;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.graphql.Caller;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.Money;
import com.performanceos.platform.mutations.Mutations;
import com.performanceos.platform.mutations.Outcome;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.scenarios.recurring.Cadence;

/** GraphQL edge of recurring flows detected in bank history: proposals, and a person's confirmation or dismissal. */
@Controller
class RecurringFlowController {

	/** Most proposals one answer lists; the detector yields one per counterparty, currency and direction. */
	static final int PROPOSALS_MAX = 500;

	private static final int SERIES_KEY_LENGTH_MAX = 400;

	private final RecurringFlows recurring;

	private final TenantDatabase database;

	private final Mutations mutations;

	private final Clock clock = Clock.systemUTC();

	RecurringFlowController(RecurringFlows recurring, TenantDatabase database, Mutations mutations) {
		this.recurring = recurring;
		this.database = database;
		this.mutations = mutations;
	}

	/** The schema's {@code RecurringFlowProposal}. */
	record ProposalView(String seriesKey, String counterparty, Cadence cadence, Money amount, @Nullable Money editedAmount,
			LocalDate lastOccurrence, LocalDate nextOccurrence, double confidence, List<String> transactionIds,
			RecurringFlows.Decision decision) {

		static ProposalView of(RecurringFlows.Proposal proposal) {
			Currency currency = Currency.getInstance(proposal.series().currency());
			return new ProposalView(proposal.seriesKey(), proposal.series().counterpartyKey(), proposal.series().cadence(),
					new Money(proposal.series().amount(), currency), proposal.amount() == null ? null : new Money(proposal.amount(), currency),
					proposal.series().lastOccurrence(), proposal.series().nextOccurrence(), proposal.series().confidence(),
					proposal.series().transactionIds().stream().map(id -> GlobalId.encode("BankTransaction", java.util.UUID.fromString(id))).toList(),
					proposal.decision());
		}

	}

	@QueryMapping
	Mono<List<ProposalView>> recurringFlowProposals(@Argument @Nullable LocalDate asOf, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		LocalDate day = asOf != null ? asOf : LocalDate.now(clock);
		return database.run(viewer.tenant(), tx -> recurring.proposals(tx, day))
			.map(found -> found.stream().limit(PROPOSALS_MAX).map(ProposalView::of).toList());
	}

	/** The schema's {@code DecideRecurringFlowInput}. */
	record DecideInput(String seriesKey, RecurringFlows.Decision decision, @Nullable BigDecimal amount) {

		List<ScenarioError> validate() {
			List<ScenarioError> errors = new ArrayList<>();
			if (seriesKey.isBlank() || seriesKey.length() > SERIES_KEY_LENGTH_MAX) {
				errors.add(ScenarioError.invalid("seriesKey", "seriesKey must have 1 to " + SERIES_KEY_LENGTH_MAX + " characters"));
			}
			if (decision == RecurringFlows.Decision.PROPOSED) {
				errors.add(ScenarioError.invalid("decision", "decide CONFIRMED or DISMISSED"));
			}
			if (amount != null && (decision != RecurringFlows.Decision.CONFIRMED || amount.signum() == 0 || amount.scale() > 6
					|| amount.abs().compareTo(new BigDecimal("1000000000000")) > 0)) {
				errors.add(ScenarioError.invalid("amount", "an edited amount is non-zero, at most 10^12, and only for a confirmed series"));
			}
			return errors;
		}

	}

	/** The schema's {@code DecideRecurringFlowPayload}. */
	record DecidePayload(@Nullable String seriesKey, RecurringFlows.@Nullable Decision decision, List<ScenarioError> userErrors) {
	}

	@MutationMapping
	Mono<DecidePayload> decideRecurringFlow(@Argument DecideInput input, Caller caller) {
		return Mutations.unlessInvalid(input.validate(), problems -> new DecidePayload(null, null, problems),
				() -> mutations.once(caller.viewer().tenant(), tx -> recurring.decide(tx, input.seriesKey(), input.decision(), input.amount(), caller.viewer().subject())
					.thenReturn(Outcome.committed(new DecidePayload(input.seriesKey(), input.decision(), List.of()),
							new AuditEntry(caller.viewer().subject(), "scenarios.recurring.decided", "RecurringFlow", null, caller.sourceAddress(), null,
									input.amount() == null ? Map.of("seriesKey", input.seriesKey(), "decision", input.decision().name())
											: Map.of("seriesKey", input.seriesKey(), "decision", input.decision().name(), "amount", input.amount()))))));
	}

}
