package com.performanceos.ledger.imports;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.audit.AuditTrail;
import com.performanceos.platform.events.Outbox;
import com.performanceos.platform.jobs.JobOutcome;
import com.performanceos.platform.jobs.ProgressReporter;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * The work of an import's job: a validation pass over the whole file (nothing written), the control
 * totals, then an application pass in one transaction (all or nothing). Progress counts rows
 * validated, then rows applied, out of twice the row count.
 */
@Component
class ImportRunner {

	private final TenantDatabase database;

	private final ImportStore store;

	private final ImportFiles files;

	private final AuditTrail auditTrail;

	private final Outbox outbox;

	private final JsonMapper json;

	private final ImportsProperties properties;

	ImportRunner(TenantDatabase database, ImportStore store, ImportFiles files, AuditTrail auditTrail, Outbox outbox, JsonMapper json,
			ImportsProperties properties) {
		this.database = database;
		this.store = store;
		this.files = files;
		this.auditTrail = auditTrail;
		this.outbox = outbox;
		this.json = json;
		this.properties = properties;
	}

	Mono<JobOutcome> run(ImportKindHandler handler, ImportContext context, Import started, Path file, ProgressReporter progress) {
		String tenant = context.viewer().tenant();
		ImportReport report = new ImportReport(properties.maxProblems());
		ImportKindHandler.Run run = handler.begin(context);
		AtomicLong rows = new AtomicLong();
		long expected = Math.max(started.controlRowCount(), 1);
		Mono<Void> validation = database.run(tenant, tx -> store.running(tx.db(), context.importKey())
			.thenMany(files.rows(file, context, report))
			.concatMap(chunk -> run.validate(tx, chunk, report).doOnSuccess(done -> {
				long seen = rows.addAndGet(chunk.size());
				progress.report(Math.min(seen, expected), expected * 2);
			}))
			.then(Mono.defer(() -> run.endValidation(tx, report)))
			.then());
		return validation.then(Mono.defer(() -> {
			checkControlTotals(started, rows.get(), run.amountSum(), report);
			if (report.hasErrors()) {
				return fail(context, rows.get(), report, "Validation found " + report.errorCount() + " errors; nothing was applied");
			}
			long total = rows.get() * 2;
			progress.report(rows.get(), total);
			return apply(handler, context, file, report, rows.get(), progress);
		})).doFinally(signal -> files.delete(file).subscribe());
	}

	private Mono<JobOutcome> apply(ImportKindHandler handler, ImportContext context, Path file, ImportReport report, long rowCount,
			ProgressReporter progress) {
		String tenant = context.viewer().tenant();
		ImportKindHandler.Run run = handler.begin(context);
		AtomicLong applied = new AtomicLong();
		AtomicLong records = new AtomicLong();
		ImportReport ignored = new ImportReport(1);
		return database.inTransaction(tenant, tx -> store.lockFile(tx, handler.kind(), context.sha256())
			.then(store.appliedFile(tx.db(), handler.kind(), context.sha256()))
			.map(original -> (Application) new Application.AlreadyApplied(original))
			.switchIfEmpty(Mono.defer(() -> files.rows(file, context, ignored)
				.concatMap(chunk -> run.apply(tx, chunk).doOnNext(written -> {
					records.addAndGet(written);
					progress.report(rowCount + applied.addAndGet(chunk.size()), rowCount * 2);
				}))
				.then(Mono.defer(() -> run.endApply(tx)))
				.doOnNext(records::addAndGet)
				.then(Mono.defer(() -> store.finish(tx.db(), context.importKey(), ImportStatus.SUCCEEDED, rowCount, records.get(),
						json.writeValueAsString(report.image()), null)))
				.flatMap(finished -> record(tx, context, finished).thenReturn(new Application.Finished(finished))))),
				Application.AlreadyApplied.class::isInstance)
			.flatMap(application -> switch (application) {
				case Application.Finished(Import finished) -> Mono.just(JobOutcome.succeeded(summary(finished, report)));
				case Application.AlreadyApplied(UUID original) -> duplicate(context, rowCount, report, original);
			})
			.onErrorResume(ImportRefused.class, refused -> {
				refused.problems().forEach(report::add);
				return fail(context, rowCount, report, "The ledger refused the file; nothing was applied");
			});
	}

	private Mono<Void> record(TenantTransaction tx, ImportContext context, Import finished) {
		Map<String, Object> image = new LinkedHashMap<>();
		image.put("importId", finished.id());
		image.put("kind", finished.kind().name());
		image.put("fileName", finished.fileName());
		image.put("sha256", finished.sha256());
		image.put("rowCount", finished.rowCount());
		image.put("recordCount", finished.recordCount());
		return auditTrail.record(tx, new AuditEntry(context.viewer().subject(), "ledger.import.applied", Import.TYPE_NAME,
					finished.id(), null, null, image))
			.then(outbox.publish(tx, Instant.now(), ImportCompleted.of(finished)));
	}

	private Mono<JobOutcome> fail(ImportContext context, long rowCount, ImportReport report, String reason) {
		return database.inTransaction(context.viewer().tenant(), db -> store.finish(db, context.importKey(), ImportStatus.FAILED, rowCount, 0,
					json.writeValueAsString(report.image()), null))
			.map(failed -> JobOutcome.failed(reason, summary(failed, report)));
	}

	private Mono<JobOutcome> duplicate(ImportContext context, long rowCount, ImportReport report, UUID original) {
		return database.inTransaction(context.viewer().tenant(), db -> store.finish(db, context.importKey(), ImportStatus.DUPLICATE_FILE,
					rowCount, 0, json.writeValueAsString(report.image()), original))
			.map(duplicate -> JobOutcome.succeeded(summary(duplicate, report)));
	}

	private static void checkControlTotals(Import started, long rowCount, BigDecimal amountSum, ImportReport report) {
		if (started.controlRowCount() != rowCount) {
			report.add(new ImportProblem(null, null, ImportProblemCode.CONTROL_TOTAL_MISMATCH, ImportProblem.Severity.ERROR,
					"The file has " + rowCount + " data rows, the control total says " + started.controlRowCount(),
					Long.toString(started.controlRowCount()), Long.toString(rowCount)));
		}
		if (started.controlAmountSum().compareTo(amountSum) != 0) {
			report.add(new ImportProblem(null, null, ImportProblemCode.CONTROL_TOTAL_MISMATCH, ImportProblem.Severity.ERROR,
					"The file's amounts sum to " + amountSum.toPlainString() + ", the control total says "
							+ started.controlAmountSum().stripTrailingZeros().toPlainString(),
					started.controlAmountSum().stripTrailingZeros().toPlainString(), amountSum.stripTrailingZeros().toPlainString()));
		}
	}

	private static Map<String, Object> summary(Import finished, ImportReport report) {
		Map<String, Object> image = report.image();
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("importId", finished.id());
		summary.put("status", finished.status().name());
		summary.put("rowCount", finished.rowCount());
		summary.put("recordCount", finished.recordCount());
		summary.put("errorCount", image.get("errorCount"));
		summary.put("warningCount", image.get("warningCount"));
		if (finished.duplicateOf() != null) {
			summary.put("duplicateOf", com.performanceos.platform.graphql.GlobalId.encode(Import.TYPE_NAME, finished.duplicateOf()));
		}
		return summary;
	}

	/** How the application pass ended; an already applied file rolls the pass back. */
	private sealed interface Application {

		/** Every row was applied and the import finished. */
		record Finished(Import finished) implements Application {
		}

		/** A concurrent import of the same file succeeded first: nothing of this one is kept. */
		record AlreadyApplied(UUID original) implements Application {
		}

	}

}
