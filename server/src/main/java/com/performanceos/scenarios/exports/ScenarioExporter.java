package com.performanceos.scenarios.exports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.audit.AuditTrail;
import com.performanceos.platform.digest.Sha256;
import com.performanceos.platform.documents.DocumentResponses;
import com.performanceos.platform.documents.HashedFile;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.scenarios.cash.Bucket;
import com.performanceos.scenarios.planning.ScenarioComparison;

/**
 * Writes a version the caller may read as CSV or PDF, records the file's SHA-256 in the audit log (in the caller's
 * tenant, committed before the first byte leaves) and sends it with that digest as {@code X-Content-SHA256}. Who may
 * read which version is decided before: by role and tenant for a direct download, by the share link for one through
 * a link.
 */
@Component
public class ScenarioExporter {

	/** The export formats. */
	public enum Format {

		CSV, PDF;

		/** The format named by a route's file extension ({@code csv} or {@code pdf}), null for any other. */
		public static @Nullable Format ofExtension(String extension) {
			return switch (extension) {
				case "csv" -> CSV;
				case "pdf" -> PDF;
				default -> null;
			};
		}

	}

	/** The granularity of the CSV rows; the PDF always shows weeks. */
	public enum Rows {

		DAY, WEEK

	}

	/** A forecast has at most 366 daily buckets; the bound is here for the file writer, which needs one. */
	private static final long ROWS_MAX = 366;

	private static final MediaType TEXT_CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

	private final TenantDatabase database;

	private final AuditTrail audit;

	ScenarioExporter(TenantDatabase database, AuditTrail audit) {
		this.database = database;
		this.audit = audit;
	}

	/** The file, audited then sent; {@code action} is the audit action, e.g. {@code scenarios.version.exported}. */
	public Mono<ServerResponse> send(ServerRequest request, Viewer viewer, Format format, Rows rows, ExportedVersion exported,
			String action) {
		String filename = "scenario-" + DocumentResponses.safeName(exported.version().label()) + "-v" + exported.version().number() + "."
				+ format.name().toLowerCase(Locale.ROOT);
		@Nullable String sourceAddress = request.remoteAddress()
			.map(address -> address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString())
			.orElse(null);
		if (format == Format.PDF) {
			return Mono.fromCallable(() -> ForecastPdf.render(exported))
				.subscribeOn(Schedulers.boundedElastic())
				.flatMap(pdf -> audited(viewer, exported, action, sourceAddress, format, rows, pdf.length, Sha256.hex(pdf))
					.then(ServerResponse.ok()
						.contentType(MediaType.APPLICATION_PDF)
						.cacheControl(CacheControl.noStore())
						.header(DocumentResponses.DIGEST_HEADER, Sha256.hex(pdf))
						.headers(headers -> headers.setContentDisposition(ContentDisposition.attachment().filename(filename).build()))
						.bodyValue(pdf)));
		}
		String currency = exported.forecast().forecast().reportingCurrency();
		var buckets = rows == Rows.DAY ? exported.forecast().forecast().daily() : exported.forecast().forecast().weekly();
		Flux<ForecastCsv.Row> csvRows = Flux.fromIterable(buckets)
			.map((Bucket bucket) -> new ForecastCsv.Row(exported.version().label(), exported.version().number(), currency, bucket));
		return HashedFile.write(csvRows, "csv", ForecastCsv::writer, ROWS_MAX)
			.flatMap(file -> audited(viewer, exported, action, sourceAddress, format, rows, file.sizeBytes(), file.sha256())
				.onErrorResume(failure -> {
					file.delete();
					return Mono.error(failure);
				})
				.then(DocumentResponses.send(request, file, TEXT_CSV, filename)));
	}

	/** Most rows of a comparison's CSV: 6 forecasts of 366 days and 5 deltas of as many. */
	private static final long COMPARISON_ROWS_MAX = ScenarioComparison.SERIES_MAX * 366L * 2;

	/**
	 * A comparison as CSV or PDF, audited as {@code scenarios.comparison.exported} (with the items compared and the
	 * digests of the versions among them) before it is sent with its digest, like a version's export.
	 */
	Mono<ServerResponse> sendComparison(ServerRequest request, Viewer viewer, Format format, ScenarioComparison comparison) {
		String filename = "scenario-comparison." + format.name().toLowerCase(Locale.ROOT);
		@Nullable String sourceAddress = sourceAddress(request);
		if (format == Format.PDF) {
			return Mono.fromCallable(() -> ComparisonPdf.render(comparison))
				.subscribeOn(Schedulers.boundedElastic())
				.flatMap(pdf -> auditedComparison(viewer, comparison, sourceAddress, format, pdf.length, Sha256.hex(pdf))
					.then(ServerResponse.ok()
						.contentType(MediaType.APPLICATION_PDF)
						.cacheControl(CacheControl.noStore())
						.header(DocumentResponses.DIGEST_HEADER, Sha256.hex(pdf))
						.headers(headers -> headers.setContentDisposition(ContentDisposition.attachment().filename(filename).build()))
						.bodyValue(pdf)));
		}
		return HashedFile.write(Flux.fromIterable(ComparisonCsv.rows(comparison)), "csv", ComparisonCsv::writer, COMPARISON_ROWS_MAX)
			.flatMap(file -> auditedComparison(viewer, comparison, sourceAddress, format, file.sizeBytes(), file.sha256())
				.onErrorResume(failure -> {
					file.delete();
					return Mono.error(failure);
				})
				.then(DocumentResponses.send(request, file, TEXT_CSV, filename)));
	}

	private Mono<Boolean> auditedComparison(Viewer viewer, ScenarioComparison comparison, @Nullable String sourceAddress, Format format,
			long sizeBytes, String sha256) {
		List<Map<String, Object>> items = comparison.series().stream().map(series -> {
			Map<String, Object> item = new LinkedHashMap<>();
			if (series.version() != null) {
				item.put("version", series.version().id());
				item.put("versionDigest", series.version().digest());
			}
			else if (series.scenario() != null) {
				item.put("scenario", series.scenario().id());
				item.put("asOf", series.forecast().asOf().toString());
				item.put("horizonDays", series.forecast().horizonDays());
			}
			return item;
		}).toList();
		Map<String, Object> image = new LinkedHashMap<>();
		image.put("format", format.name().toLowerCase(Locale.ROOT));
		image.put("granularity", comparison.granularity().name());
		image.put("items", items);
		image.put("sizeBytes", sizeBytes);
		image.put("sha256", sha256);
		return database.run(viewer.tenant(), tx -> audit.record(tx,
				new AuditEntry(viewer.subject(), "scenarios.comparison.exported", "ScenarioComparison", null, sourceAddress, null, image))
			.thenReturn(true));
	}

	private static @Nullable String sourceAddress(ServerRequest request) {
		return request.remoteAddress()
			.map(address -> address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString())
			.orElse(null);
	}

	/** The 404 of a version that is not there (or not in the caller's tenant: the same answer). */
	public static Mono<ServerResponse> notFound(ServerRequest request, String what) {
		return DocumentResponses.error(request, HttpStatus.NOT_FOUND, "NOT_FOUND", what);
	}

	private Mono<Boolean> audited(Viewer viewer, ExportedVersion exported, String action, @Nullable String sourceAddress, Format format,
			Rows rows, long sizeBytes, String sha256) {
		Map<String, Object> image = new LinkedHashMap<>();
		image.put("format", format.name().toLowerCase(Locale.ROOT));
		image.put("rows", format == Format.PDF ? "WEEK" : rows.name());
		image.put("version", exported.version().id());
		image.put("versionDigest", exported.version().digest());
		image.put("sizeBytes", sizeBytes);
		image.put("sha256", sha256);
		return database.run(viewer.tenant(), tx -> audit.record(tx,
				new AuditEntry(viewer.subject(), action, exported.auditTargetType(), exported.auditTargetId(), sourceAddress, null, image))
			.thenReturn(true));
	}

}
