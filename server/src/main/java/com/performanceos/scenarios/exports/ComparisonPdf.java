package com.performanceos.scenarios.exports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.web.util.HtmlUtils;

import com.performanceos.scenarios.cash.Bucket;
import com.performanceos.scenarios.cash.CashCategory;
import com.performanceos.scenarios.planning.ForecastView;
import com.performanceos.scenarios.planning.ScenarioComparison;

/**
 * The PDF of a comparison: each forecast's key figures side by side (what it is, first day, opening, closing, lowest
 * point, runway), the closing balance of every bucket with each later forecast's difference from the first, and each
 * difference summed per category over the buckets compared. XHTML rendered by openhtmltopdf, as the version's PDF is;
 * labels are escaped; no generation time, so the same comparison gives the same bytes.
 */
final class ComparisonPdf {

	private ComparisonPdf() {
	}

	static byte[] render(ScenarioComparison comparison) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.withHtmlContent(html(comparison), null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot render the comparison PDF", ex);
		}
	}

	static String html(ScenarioComparison comparison) {
		List<ScenarioComparison.Series> series = comparison.series();
		StringBuilder html = new StringBuilder(16_384);
		html.append("""
				<?xml version="1.0" encoding="UTF-8"?>
				<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Cash scenario comparison</title><style>
				  @page { size: A4 landscape; margin: 12mm; }
				  body { font-family: sans-serif; font-size: 8pt; color: #1d2430; }
				  h1 { font-size: 15pt; margin: 0 0 2mm 0; } h2 { font-size: 10pt; margin: 5mm 0 2mm 0; }
				  table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 0.3pt solid #c8ccd4; padding: 1mm; }
				  th { text-align: left; background: #eef1f5; } td.n { text-align: right; } .meta { color: #5a6270; }
				  td.down { color: #c0392b; }
				</style></head><body>
				""");
		html.append("<h1>Cash scenario comparison</h1><p class=\"meta\">").append(series.size()).append(" forecasts by ")
			.append(comparison.granularity().name().toLowerCase(java.util.Locale.ROOT))
			.append(", buckets matched by position; differences are each forecast minus the first (")
			.append(escape(series.getFirst().label())).append(")</p>");
		html.append("<h2>Forecasts</h2><table><tr><th>#</th><th>Label</th><th>What</th><th>First day</th><th class=\"n\">Opening</th>"
				+ "<th class=\"n\">Closing</th><th class=\"n\">Lowest closing</th><th>Runway</th></tr>");
		for (int index = 0; index < series.size(); index++) {
			ScenarioComparison.Series one = series.get(index);
			ForecastView forecast = one.forecast();
			String what = one.version() != null ? "version " + one.version().number() + " (SHA-256 " + one.version().digest().substring(0, 12) + "…)"
					: "scenario, recalculated";
			html.append("<tr><td>").append(index).append("</td><td>").append(escape(one.label())).append("</td><td>").append(escape(what))
				.append("</td><td>").append(forecast.asOf()).append("</td>")
				.append(number(forecast.forecast().opening())).append(number(forecast.forecast().closing()))
				.append(number(forecast.forecast().lowestClosing())).append("<td>")
				.append(forecast.runwayDays() == null ? "beyond the horizon" : forecast.runwayDays() + " days").append("</td></tr>");
		}
		html.append("</table>");
		closings(html, comparison);
		categories(html, comparison);
		html.append("</body></html>");
		return html.toString();
	}

	/** Per bucket: each forecast's closing, then each difference from the first. */
	private static void closings(StringBuilder html, ScenarioComparison comparison) {
		List<ScenarioComparison.Series> series = comparison.series();
		html.append("<h2>Closing balance (").append(series.getFirst().forecast().forecast().reportingCurrency())
			.append(")</h2><table><tr><th>Bucket</th>");
		for (ScenarioComparison.Series one : series) {
			html.append("<th class=\"n\">").append(escape(one.label())).append("</th>");
		}
		for (ScenarioComparison.Delta delta : comparison.deltas()) {
			html.append("<th class=\"n\">Δ ").append(escape(series.get(delta.series()).label())).append("</th>");
		}
		html.append("</tr>");
		List<List<Bucket>> buckets = series.stream().map(one -> comparison.buckets(one.forecast())).toList();
		int rows = comparison.deltas().getFirst().buckets().size();
		for (int row = 0; row < rows; row++) {
			ScenarioComparison.BucketDelta first = comparison.deltas().getFirst().buckets().get(row);
			html.append("<tr><td>").append(first.start()).append(" – ").append(first.end()).append("</td>");
			for (List<Bucket> each : buckets) {
				html.append(row < each.size() ? number(each.get(row).closing()) : "<td></td>");
			}
			for (ScenarioComparison.Delta delta : comparison.deltas()) {
				html.append(row < delta.buckets().size() ? number(delta.buckets().get(row).closing().amount()) : "<td></td>");
			}
			html.append("</tr>");
		}
		html.append("</table>");
	}

	/** Each difference summed per category over the buckets compared: where the forecasts part. */
	private static void categories(StringBuilder html, ScenarioComparison comparison) {
		html.append("<h2>Differences by category, summed over the buckets compared</h2><table><tr><th>Category</th>");
		for (ScenarioComparison.Delta delta : comparison.deltas()) {
			String label = escape(comparison.series().get(delta.series()).label());
			html.append("<th class=\"n\">In Δ ").append(label).append("</th><th class=\"n\">Out Δ ").append(label).append("</th>");
		}
		html.append("</tr>");
		List<Map<CashCategory, BigDecimal>> inflows = comparison.deltas().stream().map(delta -> sum(delta, true)).toList();
		List<Map<CashCategory, BigDecimal>> outflows = comparison.deltas().stream().map(delta -> sum(delta, false)).toList();
		for (CashCategory category : CashCategory.values()) {
			html.append("<tr><th>").append(category.name()).append("</th>");
			for (int index = 0; index < inflows.size(); index++) {
				html.append(number(inflows.get(index).getOrDefault(category, BigDecimal.ZERO)))
					.append(number(outflows.get(index).getOrDefault(category, BigDecimal.ZERO)));
			}
			html.append("</tr>");
		}
		html.append("</table>");
	}

	private static Map<CashCategory, BigDecimal> sum(ScenarioComparison.Delta delta, boolean inflows) {
		Map<CashCategory, BigDecimal> sums = new EnumMap<>(CashCategory.class);
		for (ScenarioComparison.BucketDelta bucket : delta.buckets()) {
			for (ForecastView.CategoryAmount amount : inflows ? bucket.inflows() : bucket.outflows()) {
				sums.merge(amount.category(), amount.amount().amount(), BigDecimal::add);
			}
		}
		return sums;
	}

	private static String number(BigDecimal value) {
		return "<td class=\"n" + (value.signum() < 0 ? " down" : "") + "\">" + ForecastPdf.amount(value) + "</td>";
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
