package com.performanceos.rules.commissions.statements;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

import com.performanceos.rules.commissions.calculation.CalculationResult;
import com.performanceos.rules.commissions.runs.RunEvidence;

/**
 * A rep's statement as a PDF: the figures of the month (credit, quota, attainment, gross, cap, clawback, draws,
 * payable), an attainment chart drawn as bars against the quota, and the lines. XHTML rendered by openhtmltopdf, every
 * value escaped; at most {@link #LINES_SHOWN} lines are listed, the statement's totals cover them all.
 */
final class StatementPdf {

	/** The most lines listed; a rep with more is told how many more there are. */
	static final int LINES_SHOWN = 2_000;

	/** The chart's scale: 150 % of quota fills the bar, anything above is drawn full. */
	private static final BigDecimal CHART_FULL_PERCENT = new BigDecimal("150");

	/** The chart's width in millimetres. */
	private static final int CHART_WIDTH_MM = 160;

	private StatementPdf() {
	}

	static byte[] render(String tenant, RunEvidence.Run run, CalculationResult.RepTotal total, List<RunEvidence.Line> lines) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.withHtmlContent(html(tenant, run, total, lines), null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot render the statement PDF", ex);
		}
	}

	static String html(String tenant, RunEvidence.Run run, CalculationResult.RepTotal total, List<RunEvidence.Line> lines) {
		StringBuilder html = new StringBuilder(8_192);
		html.append("""
				<?xml version="1.0" encoding="UTF-8"?>
				<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Commission statement</title><style>
				  @page { size: A4; margin: 16mm; }
				  body { font-family: sans-serif; font-size: 9pt; color: #1d2430; }
				  h1 { font-size: 16pt; margin: 0 0 2mm 0; } h2 { font-size: 11pt; margin: 6mm 0 2mm 0; }
				  table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 0.3pt solid #c8ccd4; padding: 1.2mm; }
				  th { text-align: left; background: #eef1f5; } td.n { text-align: right; } .meta { color: #5a6270; }
				  .track { position: relative; height: 6mm; background: #eef1f5; } .bar { height: 6mm; background: #2e6fb7; }
				  .quota { position: absolute; top: -1mm; height: 8mm; border-left: 0.8pt solid #c0392b; }
				</style></head><body>
				""");
		String currency = total.currency().getCurrencyCode();
		html.append("<h1>Commission statement</h1><p class=\"meta\">Rep ").append(escape(total.rep())).append(" — period ").append(run.period())
			.append(" — tenant ").append(escape(tenant)).append(" — run ").append(escape(run.id())).append(" — run digest ")
			.append(escape(String.valueOf(run.digest()))).append("</p>");
		html.append("<h2>Attainment</h2>");
		BigDecimal attainment = total.attainmentPercent();
		if (attainment == null) {
			html.append("<p>No quota for the period: credited ").append(amount(total.credited())).append(' ').append(currency).append(".</p>");
		}
		else {
			html.append("<div class=\"track\" style=\"width: ").append(CHART_WIDTH_MM).append("mm\"><div class=\"bar\" style=\"width: ")
				.append(millimetres(attainment)).append("mm\"></div><div class=\"quota\" style=\"left: ").append(millimetres(new BigDecimal("100")))
				.append("mm\"></div></div><p class=\"meta\">").append(amount(attainment)).append(" % of quota (")
				.append(amount(total.credited())).append(" credited of ").append(amount(java.util.Objects.requireNonNull(total.quota()))).append(' ')
				.append(currency).append("); the red mark is 100 %, the bar's end 150 %.</p>");
		}
		html.append("<h2>Totals</h2><table>");
		row(html, "Credited (own)", total.credited(), currency);
		row(html, "Credited (team, roll-up)", total.rollUpCredited(), currency);
		row(html, "Quota", total.quota(), currency);
		row(html, "Gross", total.gross(), currency);
		row(html, "Cap adjustment", total.capAdjustment(), currency);
		row(html, "Clawback", total.clawback(), currency);
		row(html, "Clawback carried forward", total.clawbackCarryOut(), currency);
		row(html, "Draw paid", total.drawPaid(), currency);
		row(html, "Draw recovered", total.drawRecovered(), currency);
		row(html, "Payable", total.payable(), currency);
		html.append("</table><h2>Lines</h2><table><tr><th>#</th><th>Kind</th><th>Deal</th><th class=\"n\">Share %</th><th class=\"n\">Credited</th>"
				+ "<th class=\"n\">Tier</th><th class=\"n\">Amount</th></tr>");
		for (RunEvidence.Line line : lines.subList(0, Math.min(LINES_SHOWN, lines.size()))) {
			html.append("<tr><td>").append(line.seq()).append("</td><td>").append(escape(line.kind())).append("</td><td>").append(escape(line.dealRef()))
				.append("</td><td class=\"n\">").append(amount(line.sharePercent())).append("</td><td class=\"n\">").append(amount(line.credited()))
				.append("</td><td class=\"n\">").append(line.tier() == null ? "" : line.tier().toString()).append("</td><td class=\"n\">")
				.append(amount(line.amount())).append(' ').append(escape(line.currency())).append("</td></tr>");
		}
		html.append("</table>");
		if (lines.size() > LINES_SHOWN) {
			html.append("<p class=\"meta\">").append(lines.size() - LINES_SHOWN).append(" more lines are in the GraphQL statement.</p>");
		}
		return html.append("</body></html>").toString();
	}

	private static void row(StringBuilder html, String label, @Nullable BigDecimal value, String currency) {
		html.append("<tr><th>").append(label).append("</th><td class=\"n\">").append(value == null ? "none" : amount(value) + " " + currency)
			.append("</td></tr>");
	}

	private static String millimetres(BigDecimal percent) {
		BigDecimal bounded = percent.max(BigDecimal.ZERO).min(CHART_FULL_PERCENT);
		return bounded.multiply(BigDecimal.valueOf(CHART_WIDTH_MM)).divide(CHART_FULL_PERCENT, 1, RoundingMode.HALF_UP).toPlainString();
	}

	/** Amounts to two decimals, plain (no grouping), so a reader and a text extractor see the same figure. */
	private static String amount(BigDecimal value) {
		return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
	}

	private static String escape(String value) {
		return HtmlUtils.htmlEscape(value, "UTF-8");
	}

}
