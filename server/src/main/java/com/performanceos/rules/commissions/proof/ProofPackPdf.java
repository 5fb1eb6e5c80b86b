package com.performanceos.rules.commissions.proof;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * A proof pack for people: the same content as the JSON, laid out as XHTML and rendered by openhtmltopdf (as the
 * cockpit report is). Every value is escaped before it enters the markup. A PDF lists at most {@link #LINES_SHOWN}
 * lines; the JSON download carries them all and the certificate covers them all.
 */
final class ProofPackPdf {

	/** The most lines a PDF lists; a whole run's pack can hold many more, which the JSON carries. */
	static final int LINES_SHOWN = 1_000;

	private ProofPackPdf() {
	}

	static byte[] render(ProofPackContent.Pack pack) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.withHtmlContent(html(pack.content()), null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot render the proof pack PDF", ex);
		}
	}

	@SuppressWarnings("unchecked")
	static String html(Map<String, @Nullable Object> content) {
		StringBuilder html = new StringBuilder(16_384);
		html.append("""
				<?xml version="1.0" encoding="UTF-8"?>
				<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Commission proof pack</title><style>
				  @page { size: A4 landscape; margin: 12mm; }
				  body { font-family: sans-serif; font-size: 8pt; color: #1d2430; }
				  h1 { font-size: 15pt; margin: 0 0 2mm 0; } h2 { font-size: 10.5pt; margin: 5mm 0 1.5mm 0; }
				  table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 0.3pt solid #c8ccd4; padding: 1mm; vertical-align: top; }
				  th { text-align: left; background: #eef1f5; } td.n { text-align: right; } .meta { color: #5a6270; }
				  .hash { font-family: monospace; font-size: 7pt; word-wrap: break-word; }
				</style></head><body>
				""");
		String rep = content.get("rep") == null ? "all reps (whole run)" : text(content.get("rep"));
		html.append("<h1>Commission proof pack</h1><p class=\"meta\">").append(text(content.get("packId"))).append(" — period ")
			.append(text(content.get("period"))).append(" — ").append(escape(rep)).append(" — issued by ").append(text(content.get("issuedBy")))
			.append(" at ").append(text(content.get("issuedAt"))).append("</p>");
		Map<String, Object> certificate = (Map<String, Object>) content.get("certificate");
		Map<String, Object> results = (Map<String, Object>) certificate.get("results");
		html.append("<h2>Integrity certificate (SHA-256)</h2><table>");
		row(html, "Source deals as known at the run", certificate.get("deals"));
		row(html, "Plan versions", certificate.get("plans"));
		row(html, "Results: lines", results.get("lines"));
		row(html, "Results: totals", results.get("totals"));
		row(html, "Whole pack", certificate.get("pack"));
		html.append("</table><p class=\"meta\">").append(text(certificate.get("verify"))).append("</p>");
		Map<String, Object> run = (Map<String, Object>) content.get("run");
		html.append("<h2>Run</h2><p>").append(text(run.get("id"))).append(" — data as known at ").append(text(run.get("knownAt")))
			.append(" — started by ").append(text(run.get("startedBy"))).append(" — run digest <span class=\"hash\">").append(text(run.get("digest")))
			.append("</span></p>");
		html.append("<h2>Totals</h2><table><tr><th>Rep</th><th class=\"n\">Credited</th><th class=\"n\">Quota</th><th class=\"n\">Attainment %</th>"
				+ "<th class=\"n\">Gross</th><th class=\"n\">Cap</th><th class=\"n\">Clawback</th><th class=\"n\">Payable</th><th>Currency</th></tr>");
		for (Map<String, Object> total : (List<Map<String, Object>>) content.get("totals")) {
			html.append("<tr><td>").append(text(total.get("rep"))).append("</td>");
			for (String field : List.of("credited", "quota", "attainmentPercent", "gross", "capAdjustment", "clawback", "payable")) {
				html.append("<td class=\"n\">").append(text(total.get(field))).append("</td>");
			}
			html.append("<td>").append(text(total.get("currency"))).append("</td></tr>");
		}
		List<Map<String, Object>> lines = (List<Map<String, Object>>) content.get("lines");
		html.append("</table><h2>Lines and their lineage</h2><table><tr><th>#</th><th>Rep</th><th>Kind</th><th>Deal</th><th>Source</th>"
				+ "<th>Plan version</th><th>Rate row</th><th>Tier</th><th class=\"n\">Credited</th><th class=\"n\">Amount</th></tr>");
		for (Map<String, Object> line : lines.subList(0, Math.min(LINES_SHOWN, lines.size()))) {
			Map<String, Object> lineage = (Map<String, Object>) line.get("lineage");
			Object plan = lineage.get("planVersion") instanceof Map<?, ?> version ? version.get("rule") + " v" + version.get("version") : null;
			Object rateRow = lineage.get("rateRow") instanceof Map<?, ?> row ? "row " + row.get("row") + " (" + row.get("ratePercent") + " %)" : null;
			Object tier = lineage.get("tiers") instanceof Map<?, ?> tiers ? tiers.get("tierName") : null;
			html.append("<tr><td>").append(text(line.get("seq"))).append("</td><td>").append(text(line.get("rep"))).append("</td><td>")
				.append(text(line.get("kind"))).append("</td><td>").append(text(lineage.get("dealRef"))).append("</td><td>")
				.append(text(lineage.get("source"))).append("</td><td>").append(text(plan)).append("</td><td>").append(text(rateRow))
				.append("</td><td>").append(text(tier)).append("</td><td class=\"n\">").append(text(line.get("credited")))
				.append("</td><td class=\"n\">").append(text(line.get("amount"))).append(' ').append(text(line.get("currency"))).append("</td></tr>");
		}
		html.append("</table>");
		if (lines.size() > LINES_SHOWN) {
			html.append("<p class=\"meta\">").append(lines.size() - LINES_SHOWN).append(" more lines are in the JSON pack.</p>");
		}
		html.append("<h2>Source deals</h2><table><tr><th>Deal</th><th>Owner</th><th>Product</th><th>Region</th><th>Closed</th>"
				+ "<th class=\"n\">Amount</th><th>Source</th></tr>");
		for (Map<String, Object> deal : (List<Map<String, Object>>) content.get("deals")) {
			html.append("<tr><td>").append(text(deal.get("ref"))).append("</td><td>").append(text(deal.get("owner"))).append("</td><td>")
				.append(text(deal.get("product"))).append("</td><td>").append(text(deal.get("region"))).append("</td><td>")
				.append(text(deal.get("closeDate"))).append("</td><td class=\"n\">").append(text(deal.get("amount"))).append(' ')
				.append(text(deal.get("currency"))).append("</td><td>").append(text(deal.get("source"))).append("</td></tr>");
		}
		html.append("</table><h2>Plan versions</h2><table><tr><th>Version</th><th>#</th><th>Status</th><th>Valid from</th><th>Definition SHA-256</th></tr>");
		for (Map<String, Object> plan : (List<Map<String, Object>>) content.get("plans")) {
			html.append("<tr><td>").append(text(plan.get("versionId"))).append("</td><td>").append(text(plan.get("number"))).append("</td><td>")
				.append(text(plan.get("status"))).append("</td><td>").append(text(plan.get("validFrom"))).append("</td><td class=\"hash\">")
				.append(text(plan.get("definitionSha256"))).append("</td></tr>");
		}
		html.append("</table><h2>Human validations</h2><table><tr><th>Subject</th><th>Step</th><th>By</th><th>At</th><th>Justification</th></tr>");
		for (Map<String, Object> step : (List<Map<String, Object>>) content.get("validations")) {
			html.append("<tr><td>").append(text(step.get("subject"))).append("</td><td>").append(text(step.get("step"))).append("</td><td>")
				.append(text(step.get("by"))).append("</td><td>").append(text(step.get("at"))).append("</td><td>")
				.append(text(step.get("justification"))).append("</td></tr>");
		}
		html.append("</table><h2>Audit records</h2><table><tr><th>#</th><th>At</th><th>Actor</th><th>Action</th><th>Target</th><th>Hash</th></tr>");
		for (Map<String, Object> record : (List<Map<String, Object>>) content.get("audit")) {
			html.append("<tr><td>").append(text(record.get("sequence"))).append("</td><td>").append(text(record.get("occurredAt"))).append("</td><td>")
				.append(text(record.get("actor"))).append("</td><td>").append(text(record.get("action"))).append("</td><td>")
				.append(text(record.get("targetId"))).append("</td><td class=\"hash\">").append(text(record.get("hash"))).append("</td></tr>");
		}
		return html.append("</table></body></html>").toString();
	}

	private static void row(StringBuilder html, String label, @Nullable Object hash) {
		html.append("<tr><th>").append(escape(label)).append("</th><td class=\"hash\">").append(text(hash)).append("</td></tr>");
	}

	private static String text(@Nullable Object value) {
		if (value == null) {
			return "";
		}
		return escape(value instanceof java.math.BigDecimal decimal ? decimal.toPlainString() : value.toString());
	}

	private static String escape(String value) {
		return HtmlUtils.htmlEscape(value, "UTF-8");
	}

}
