package com.performanceos.rules.proposals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.digest.Sha256;
import com.performanceos.platform.mutations.Idempotency;
import com.performanceos.platform.mutations.Mutations;
import com.performanceos.platform.mutations.Outcome;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.rules.commissions.runs.PayoutHistory;
import com.performanceos.rules.engine.JsonValues;
import com.performanceos.rules.registry.RuleDrafts;
import com.performanceos.rules.registry.RuleKind;
import com.performanceos.rules.sales.SalesData;
import com.performanceos.rules.sales.SalesRep;

/**
 * Rules mined from history: the tenant's paid DIRECT lines (through the commissions' {@link PayoutHistory}) and its
 * reps' roles (through {@link SalesData}) are read in the caller's tenant transaction, so only its own rows can be
 * seen; {@link HistoryMining} recovers the rates; the result is a PROPOSED decision table whose examples are real
 * payouts, checked by the registry like any proposal. A person accepts it (a DRAFT version with origin AI, tagged
 * {@link #MODEL}) or rejects it; nothing is run.
 */
@Service
class HistoryMiner {

	/** The "model" a mined proposal is tagged with: the deterministic statistics, not a language model. */
	static final String MODEL = "performanceos-history-mining-1";

	/** Justifications are at most this long (the registry's limit is 2,000 characters); the payload has every finding. */
	private static final int JUSTIFICATION_LENGTH_MAX = 1_800;

	private final Mutations mutations;

	private final ProposalStore store;

	private final PayoutHistory history;

	private final SalesData sales;

	private final RuleDrafts drafts;

	HistoryMiner(Mutations mutations, ProposalStore store, PayoutHistory history, SalesData sales, RuleDrafts drafts) {
		this.mutations = mutations;
		this.store = store;
		this.history = history;
		this.sales = sales;
		this.drafts = drafts;
	}

	Mono<MineRules.Payload> mine(Viewer viewer, MineRules.Input input, @Nullable String sourceAddress) {
		List<ProposalsError> invalid = input.validate();
		if (!invalid.isEmpty()) {
			return Mono.just(MineRules.Payload.failed(invalid));
		}
		return mutations.idempotent(viewer.tenant(), new Idempotency<>(MineRules.OPERATION, input.idempotencyKey(), input.fingerprint(),
				() -> MineRules.Payload.failed(List.of(ProposalsError.conflict())),
				(tx, key) -> store.find(tx.db(), key, false).map(MineRules.Payload::of)),
				tx -> observations(tx, input).flatMap(observations -> {
					List<HistoryMining.MinedRate> rates = HistoryMining.mine(observations);
					if (rates.isEmpty()) {
						return Mono.just(Outcome.<MineRules.Payload>rejected(MineRules.Payload.failed(List.of(new ProposalsError(
								ProposalsErrorCode.NOTHING_MINED, "No rate explains at least " + HistoryMining.SUPPORT_MIN + " of the "
										+ observations.size() + " payouts of " + input.fromPeriod() + " to " + input.toPeriod(), null)))));
					}
					AiProposal proposal = proposal(viewer, input, observations.size(), rates);
					return store.insert(tx, proposal).map(stored -> Outcome.committed(MineRules.Payload.of(stored), stored.key(),
							audit(viewer, stored, sourceAddress, rates.size(), observations.size())));
				}));
	}

	private Mono<List<HistoryMining.Observation>> observations(TenantTransaction tx, MineRules.Input input) {
		return sales.reps(tx).zipWith(history.directPayouts(tx, input.fromPeriod(), input.toPeriod(), PayoutHistory.PAYOUTS_MAX))
			.map(found -> {
				Map<String, String> roles = new LinkedHashMap<>();
				for (SalesRep rep : found.getT1()) {
					roles.put(rep.code(), rep.role());
				}
				List<HistoryMining.Observation> observations = new ArrayList<>();
				for (PayoutHistory.Payout payout : found.getT2()) {
					observations.add(new HistoryMining.Observation(roles.getOrDefault(payout.rep(), "UNKNOWN"), payout.product(), payout.region(),
							payout.credited(), payout.amount()));
				}
				return observations;
			});
	}

	/** The proposal: a decision table (role, product, region → credited × rate), checked by the registry on its examples. */
	private AiProposal proposal(Viewer viewer, MineRules.Input input, int observed, List<HistoryMining.MinedRate> rates) {
		List<Object> rules = new ArrayList<>();
		List<Object> examples = new ArrayList<>();
		List<Object> findings = new ArrayList<>();
		for (HistoryMining.MinedRate rate : rates) {
			rules.add(Map.of("inputEntries", List.of(quoted(rate.role()), quoted(rate.product()), quoted(rate.region())), "outputEntries",
					List.of("credited * " + rate.fraction().toPlainString())));
			BigDecimal credited = rate.example().credited();
			examples.add(Map.of("name", rate.role() + " / " + rate.product() + " / " + rate.region(), "input", Map.of("role", rate.role(), "product",
					rate.product(), "region", rate.region(), "credited", credited), "expectedOutput", credited.multiply(rate.fraction())));
			Map<String, Object> finding = new LinkedHashMap<>();
			finding.put("role", rate.role());
			finding.put("product", rate.product());
			finding.put("region", rate.region());
			finding.put("ratePercent", rate.ratePercent());
			finding.put("support", rate.support());
			finding.put("observations", rate.observations());
			finding.put("largestGap", rate.largestGap());
			findings.add(finding);
		}
		Map<String, Object> definition = Map.of("name", input.ruleName(), "hitPolicy", "FIRST", "inputs", List.of(stringInput("role"),
				stringInput("product"), stringInput("region")), "outputs", List.of(Map.of("name", "payout", "type", "NUMBER")), "rules", rules);
		String request = "Rates that explain the commission payouts of " + input.fromPeriod() + " to " + input.toPeriod();
		String justification = justification(input, observed, rates);
		String digest = Sha256.hex(request + "\u0000" + JsonValues.write(findings));
		PlanFromSentence.Validated validated = PlanFromSentence.validate(RuleKind.DECISION_TABLE.name(), definition, examples, justification, drafts);
		if (validated instanceof PlanFromSentence.Invalid failed) {
			// The table is built from checked numbers; a refusal here (an odd product name the table language rejects) is recorded, not hidden.
			return new AiProposal(UUID.randomUUID(), ProposalKind.MINED_RULE, ProposalStatus.FAILED, input.ruleName(), request, null, null, MODEL, digest,
					0, 0, null, failed.reason(), null, viewer.subject(), null, Instant.now());
		}
		PlanFromSentence.Valid valid = (PlanFromSentence.Valid) validated;
		@SuppressWarnings("unchecked")
		Map<String, @Nullable Object> payload = new LinkedHashMap<>((Map<String, @Nullable Object>) JsonValues.parse(valid.payloadText()));
		payload.put("findings", JsonValues.of(findings));
		payload.put("payoutsRead", observed);
		return new AiProposal(UUID.randomUUID(), ProposalKind.MINED_RULE, ProposalStatus.PROPOSED, input.ruleName(), request,
				JsonValues.write(payload), valid.justification(), MODEL, digest, 0, 0, null, null, null, viewer.subject(), null, Instant.now());
	}

	private static String justification(MineRules.Input input, int observed, List<HistoryMining.MinedRate> rates) {
		StringBuilder text = new StringBuilder("Mined from " + observed + " payouts of " + input.fromPeriod() + " to " + input.toPeriod()
				+ " (the latest successful run of each month): ");
		for (int index = 0; index < rates.size(); index++) {
			String sentence = rates.get(index).sentence() + (index + 1 < rates.size() ? "; " : ".");
			if (text.length() + sentence.length() > JUSTIFICATION_LENGTH_MAX) {
				text.append("and ").append(rates.size() - index).append(" more (see the findings).");
				break;
			}
			text.append(sentence);
		}
		return text.toString();
	}

	private static Map<String, String> stringInput(String name) {
		return Map.of("name", name, "expression", name, "type", "STRING");
	}

	/** A string cell of the table language, quotes and backslashes escaped. */
	private static String quoted(String value) {
		return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	private static AuditEntry audit(Viewer viewer, AiProposal proposal, @Nullable String sourceAddress, int rates, int observed) {
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("kind", proposal.kind().name());
		after.put("status", proposal.status().name());
		after.put("target", proposal.target());
		after.put("promptSha256", proposal.promptSha256());
		after.put("ratesMined", rates);
		after.put("payoutsRead", observed);
		return new AuditEntry(viewer.subject(), "rules.proposal.mined", AiProposal.TYPE_NAME, proposal.id(), sourceAddress, null, after);
	}

}
