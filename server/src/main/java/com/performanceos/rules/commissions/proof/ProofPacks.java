package com.performanceos.rules.commissions.proof;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.audit.AuditRecords;
import com.performanceos.platform.audit.AuditTrail;
import com.performanceos.platform.digest.Sha256;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.rules.commissions.runs.RunEvidence;
import com.performanceos.rules.engine.JsonValues;

/**
 * Issues proof packs and verifies them. Issuing reads the evidence in one transaction (one consistent state), renders
 * the document off the event loop, then stores the certificate and audits the document's SHA-256 together, before a
 * byte leaves the server. Verifying recomputes the certificate from the data stored now and compares item by item.
 */
@Service
class ProofPacks {

	private final TenantDatabase database;

	private final RunEvidence evidence;

	private final AuditRecords auditRecords;

	private final AuditTrail auditTrail;

	private final ProofPackStore store;

	ProofPacks(TenantDatabase database, RunEvidence evidence, AuditRecords auditRecords, AuditTrail auditTrail, ProofPackStore store) {
		this.database = database;
		this.evidence = evidence;
		this.auditRecords = auditRecords;
		this.auditTrail = auditTrail;
		this.store = store;
	}

	/** The formats a pack is downloaded in. */
	enum Format {

		JSON, PDF

	}

	/**
	 * What to prove: a rep's month (period and rep), or a whole run (run id, or period without rep).
	 *
	 * @param period the month, YYYY-MM; the latest successful run of it
	 * @param runId a run's global id, instead of the period
	 * @param rep the rep, or null for the whole run
	 */
	record Request(@Nullable String period, @Nullable String runId, @Nullable String rep) {
	}

	/**
	 * A document issued.
	 *
	 * @param packId the pack's global id
	 * @param bytes exactly what is sent
	 * @param sha256 their digest, as audited
	 * @param filename the attachment's name
	 */
	record Document(String packId, byte[] bytes, String sha256, String filename) {
	}

	/** The document, or empty when there is no such run or rep figures, or the viewer may not read them. */
	Mono<Document> issue(Viewer viewer, Request request, Format format) {
		UUID key = UUID.randomUUID();
		Instant issuedAt = Instant.now();
		return database.run(viewer.tenant(), tx -> run(tx, request).flatMap(run -> evidence.allows(tx, viewer, run.period(), request.rep())
			.filter(Boolean::booleanValue)
			.flatMap(allowed -> evidence.evidence(tx, run, request.rep()))
			.filter(found -> request.rep() == null || !found.totals().isEmpty())
			.flatMap(found -> auditRecords.about(tx, targets(found))
				.map(audit -> ProofPackContent.build(key, viewer.tenant(), viewer.subject(), issuedAt, found, audit)))))
			.publishOn(Schedulers.boundedElastic())
			.map(pack -> render(pack, format))
			.flatMap(document -> database.run(viewer.tenant(), tx -> store.insert(tx, document.pack().key(), document.pack().evidence().run().key(),
					document.pack().evidence().run().period(), document.pack().evidence().rep(), document.pack().certificate(),
					document.pack().packSha256(), viewer.subject())
				.then(auditTrail.record(tx, new AuditEntry(viewer.subject(), "commissions.proof-pack.issued", ProofPackContent.TYPE_NAME,
						document.pack().id(), null, null, image(document, format))))
				.thenReturn(new Document(document.pack().id(), document.bytes(), document.sha256(), filename(document.pack(), format)))));
	}

	private Mono<RunEvidence.Run> run(TenantTransaction tx, Request request) {
		if (request.runId() != null) {
			return evidence.run(tx, request.runId());
		}
		return request.period() == null ? Mono.empty() : evidence.latestRun(tx, request.period());
	}

	private static List<String> targets(RunEvidence.Evidence found) {
		List<String> targets = new ArrayList<>();
		targets.add(found.run().id());
		found.plans().forEach(version -> targets.add(version.id()));
		return targets;
	}

	private record Rendered(ProofPackContent.Pack pack, byte[] bytes, String sha256) {
	}

	private static Rendered render(ProofPackContent.Pack pack, Format format) {
		byte[] bytes = format == Format.JSON ? JsonValues.write(pack.content()).getBytes(StandardCharsets.UTF_8) : ProofPackPdf.render(pack);
		return new Rendered(pack, bytes, Sha256.hex(bytes));
	}

	private static Map<String, Object> image(Rendered document, Format format) {
		Map<String, Object> image = new LinkedHashMap<>();
		image.put("format", format.name());
		image.put("runId", document.pack().evidence().run().id());
		image.put("period", document.pack().evidence().run().period());
		image.put("rep", document.pack().evidence().rep() == null ? "ALL" : document.pack().evidence().rep());
		image.put("packSha256", document.pack().packSha256());
		image.put("sizeBytes", document.bytes().length);
		image.put("sha256", document.sha256());
		return image;
	}

	private static String filename(ProofPackContent.Pack pack, Format format) {
		RunEvidence.Evidence found = pack.evidence();
		return "proof-pack-" + found.run().period() + "-" + (found.rep() == null ? "run" : found.rep().replaceAll("[^A-Za-z0-9._-]", "_")) + "."
				+ format.name().toLowerCase(java.util.Locale.ROOT);
	}

	/**
	 * A verification's answer.
	 *
	 * @param packId the pack
	 * @param valid whether every digest still matches
	 * @param issuedSha256 the pack digest issued
	 * @param recomputedSha256 the pack digest recomputed now
	 * @param changes what differs, section by section
	 * @param issuedAt when the pack was issued
	 * @param issuedBy by whom
	 */
	record Verification(String packId, boolean valid, String issuedSha256, String recomputedSha256, List<Certificate.Change> changes,
			Instant issuedAt, String issuedBy) {
	}

	/** Recomputes a pack's certificate from the stored data; empty when there is no such pack or the viewer may not read it. */
	Mono<Verification> verify(Viewer viewer, String packId) {
		return GlobalId.decode(packId, ProofPackContent.TYPE_NAME).map(key -> database.run(viewer.tenant(), tx -> store.load(tx, key)
			.flatMap(issued -> evidence.allows(tx, viewer, issued.period(), issued.rep()).filter(Boolean::booleanValue)
				.flatMap(allowed -> evidence.run(tx, issued.runId())
					.flatMap(run -> evidence.evidence(tx, run, issued.rep()))
					.map(now -> {
						Certificate recomputed = Certificate.of(now);
						List<Certificate.Change> changes = issued.certificate().compare(recomputed);
						String sha = recomputed.pack(issued.runId(), issued.rep());
						return new Verification(packId, changes.isEmpty() && sha.equals(issued.packSha256()), issued.packSha256(), sha, changes,
								issued.issuedAt(), issued.issuedBy());
					})
					.defaultIfEmpty(new Verification(packId, false, issued.packSha256(), "", List.of(new Certificate.Change("run", issued.runId(),
							"MISSING")), issued.issuedAt(), issued.issuedBy())))))).orElse(Mono.empty());
	}

}
