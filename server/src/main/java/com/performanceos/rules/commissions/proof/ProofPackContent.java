package com.performanceos.rules.commissions.proof;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.audit.AuditRecords;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.rules.commissions.calculation.CalculationInputs;
import com.performanceos.rules.commissions.calculation.CalculationResult;
import com.performanceos.rules.commissions.runs.RunEvidence;
import com.performanceos.rules.engine.JsonValues;
import com.performanceos.rules.registry.RuleVersion;

/**
 * The content of a proof pack as JSON values, the same for the JSON download (for tools) and the PDF (for people):
 * the certificate, the run, every deal as known at the run with its source (import row or CRM record), every line
 * with its lineage (deal, source, plan version, base rate row, tiers) and full trace, the totals, the plan versions
 * with their definitions, the human validations recorded on them, and the audit records about the run and the plans.
 */
final class ProofPackContent {

	static final String TYPE_NAME = "CommissionProofPack";

	private ProofPackContent() {
	}

	/**
	 * A pack ready to be written.
	 *
	 * @param key its key
	 * @param evidence what it covers
	 * @param certificate its certificate
	 * @param packSha256 the digest over the whole certificate
	 * @param content its content as JSON values
	 */
	record Pack(UUID key, RunEvidence.Evidence evidence, Certificate certificate, String packSha256, Map<String, @Nullable Object> content) {

		String id() {
			return GlobalId.encode(TYPE_NAME, key);
		}

	}

	static Pack build(UUID key, String tenant, String issuedBy, Instant issuedAt, RunEvidence.Evidence evidence, List<AuditRecords.Summary> audit) {
		Certificate certificate = Certificate.of(evidence);
		RunEvidence.Run run = evidence.run();
		String packSha256 = certificate.pack(run.id(), evidence.rep());
		Map<String, @Nullable Object> content = new LinkedHashMap<>();
		content.put("packId", GlobalId.encode(TYPE_NAME, key));
		content.put("scope", evidence.rep() == null ? "RUN" : "REP");
		content.put("tenant", tenant);
		content.put("period", run.period());
		content.put("rep", evidence.rep());
		content.put("issuedBy", issuedBy);
		content.put("issuedAt", issuedAt.toString());
		Map<String, @Nullable Object> certified = new LinkedHashMap<>();
		certified.put("algorithm", "SHA-256");
		certified.put("deals", certificate.section(Certificate.DEALS));
		certified.put("plans", certificate.section(Certificate.PLANS));
		certified.put("results", Map.of("lines", certificate.section(Certificate.LINES), "totals", certificate.section(Certificate.TOTALS)));
		certified.put("pack", packSha256);
		certified.put("items", certificate.toJson());
		certified.put("verify", "verifyProofPack(id: \"" + GlobalId.encode(TYPE_NAME, key) + "\") recomputes every digest from the stored data");
		content.put("certificate", certified);
		Map<String, @Nullable Object> runJson = new LinkedHashMap<>();
		runJson.put("id", run.id());
		runJson.put("period", run.period());
		runJson.put("knownAt", run.knownAt().toString());
		runJson.put("startedBy", run.startedBy());
		runJson.put("finishedAt", run.finishedAt() == null ? null : run.finishedAt().toString());
		runJson.put("digest", run.digest());
		runJson.put("totalPayable", run.totalPayable());
		runJson.put("currency", run.currency());
		content.put("run", runJson);
		content.put("deals", evidence.deals().stream().map(ProofPackContent::deal).toList());
		content.put("lines", lines(evidence));
		content.put("totals", evidence.totals().stream().map(ProofPackContent::total).toList());
		content.put("plans", evidence.plans().stream().map(ProofPackContent::plan).toList());
		content.put("validations", validations(evidence, audit));
		content.put("audit", audit.stream().map(ProofPackContent::audit).toList());
		@SuppressWarnings("unchecked")
		Map<String, @Nullable Object> normalised = (Map<String, @Nullable Object>) JsonValues.of(content);
		return new Pack(key, evidence, certificate, packSha256, java.util.Objects.requireNonNull(normalised));
	}

	private static Map<String, @Nullable Object> deal(CalculationInputs.CreditedDeal deal) {
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		json.put("ref", deal.dealRef());
		json.put("id", GlobalId.encode("Deal", deal.dealKey()));
		json.put("owner", deal.owner());
		json.put("product", deal.product());
		json.put("region", deal.region());
		json.put("stage", deal.stage());
		json.put("closeDate", deal.closeDate().toString());
		json.put("amount", deal.amount());
		json.put("arr", deal.arr());
		json.put("currency", deal.currency().getCurrencyCode());
		json.put("splits", deal.effectiveSplits().stream().map(split -> Map.of("rep", split.rep(), "sharePercent", split.sharePercent())).toList());
		json.put("source", deal.source());
		return json;
	}

	private static List<Map<String, @Nullable Object>> lines(RunEvidence.Evidence evidence) {
		Map<UUID, String> sources = new HashMap<>();
		evidence.deals().forEach(deal -> sources.put(deal.dealKey(), deal.source()));
		List<Map<String, @Nullable Object>> lines = new ArrayList<>(evidence.lines().size());
		for (RunEvidence.Line line : evidence.lines()) {
			Object trace = JsonValues.parse(line.traceJson());
			Map<?, ?> traceMap = trace instanceof Map<?, ?> map ? map : Map.of();
			Map<String, @Nullable Object> lineage = new LinkedHashMap<>();
			lineage.put("dealRef", line.dealRef());
			lineage.put("dealId", GlobalId.encode("Deal", line.dealKey()));
			lineage.put("source", traceMap.get("deal") instanceof Map<?, ?> deal && deal.get("source") != null ? deal.get("source")
					: sources.get(line.dealKey()));
			lineage.put("planVersion", traceMap.get("plan"));
			lineage.put("rateRow", traceMap.get("rateRow"));
			lineage.put("tiers", traceMap.get("tiers"));
			Map<String, @Nullable Object> json = new LinkedHashMap<>();
			json.put("id", line.id());
			json.put("seq", line.seq());
			json.put("rep", line.rep());
			json.put("kind", line.kind());
			json.put("sharePercent", line.sharePercent());
			json.put("credited", line.credited());
			json.put("amount", line.amount());
			json.put("currency", line.currency());
			json.put("tier", line.tier());
			json.put("lineage", lineage);
			json.put("trace", trace);
			lines.add(json);
		}
		return lines;
	}

	private static Map<String, @Nullable Object> total(CalculationResult.RepTotal total) {
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		json.put("rep", total.rep());
		json.put("credited", total.credited());
		json.put("rollUpCredited", total.rollUpCredited());
		json.put("quota", total.quota());
		json.put("attainmentPercent", total.attainmentPercent());
		json.put("gross", total.gross());
		json.put("capAdjustment", total.capAdjustment());
		json.put("clawback", total.clawback());
		json.put("clawbackCarryIn", total.clawbackCarryIn());
		json.put("clawbackCarryOut", total.clawbackCarryOut());
		json.put("drawPaid", total.drawPaid());
		json.put("drawRecovered", total.drawRecovered());
		json.put("drawBalanceOut", total.drawBalanceOut());
		json.put("payable", total.payable());
		json.put("currency", total.currency().getCurrencyCode());
		return json;
	}

	private static Map<String, @Nullable Object> plan(RuleVersion version) {
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		json.put("versionId", version.id());
		json.put("number", version.number());
		json.put("status", String.valueOf(version.status()));
		json.put("validFrom", version.validFrom().toString());
		json.put("validTo", version.validTo() == null ? null : version.validTo().toString());
		json.put("definitionSha256", com.performanceos.platform.digest.Sha256.hex(version.definitionText()));
		json.put("definition", JsonValues.parse(version.definitionText()));
		return json;
	}

	/**
	 * The human steps on each plan version: who wrote it (with its change note), then each recorded transition (submit,
	 * approve, publish...) with its actor, time and justification as the audit log holds them; then who started the run.
	 */
	private static List<Map<String, @Nullable Object>> validations(RunEvidence.Evidence evidence, List<AuditRecords.Summary> audit) {
		List<Map<String, @Nullable Object>> steps = new ArrayList<>();
		for (RuleVersion version : evidence.plans()) {
			steps.add(step(version.id(), "WRITTEN", version.author(), version.createdAt(), version.changeNote() + (version.aiJustification() == null
					? "" : " (proposed by " + String.valueOf(version.origin()) + ": " + version.aiJustification() + ")")));
			for (AuditRecords.Summary record : audit) {
				if (version.id().equals(record.targetId()) && !record.action().endsWith(".created")) {
					Object after = record.afterJson() == null ? null : JsonValues.parse(record.afterJson());
					Object justification = after instanceof Map<?, ?> image ? image.get("justification") : null;
					steps.add(step(version.id(), record.action(), record.actor(), record.occurredAt(), justification == null ? null : justification.toString()));
				}
			}
		}
		RunEvidence.Run run = evidence.run();
		steps.add(step(run.id(), "RUN_STARTED", run.startedBy(), null, null));
		return steps;
	}

	private static Map<String, @Nullable Object> step(String subject, String step, String by, @Nullable Instant at, @Nullable String note) {
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		json.put("subject", subject);
		json.put("step", step);
		json.put("by", by);
		json.put("at", at == null ? null : at.toString());
		json.put("justification", note);
		return json;
	}

	private static Map<String, @Nullable Object> audit(AuditRecords.Summary record) {
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		json.put("sequence", record.sequence());
		json.put("occurredAt", record.occurredAt().toString());
		json.put("actor", record.actor());
		json.put("action", record.action());
		json.put("targetType", record.targetType());
		json.put("targetId", record.targetId());
		json.put("hash", record.hash());
		return json;
	}

}
