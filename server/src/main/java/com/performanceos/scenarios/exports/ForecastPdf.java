package com.performanceos.scenarios.exports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.web.util.HtmlUtils;

import com.performanceos.scenarios.cash.Bucket;
import com.performanceos.scenarios.cash.CashCategory;
import com.performanceos.scenarios.cash.CashForecast;
import com.performanceos.scenarios.cash.Drivers;

/**
 * The PDF of an exported version: what it is (label, number, first day, digest), its drivers, the key figures
 * (opening, closing, lowest point, runway) and the weekly table with a bar chart of the closing balance. XHTML with CSS
 * rendered by openhtmltopdf, as the cockpit report is; every free-text value is escaped before it enters the markup.
 * No generation time in it: the same version gives the same bytes, so its digest means something.
 */
final class ForecastPdf {

	/** Widest bar of the chart, in millimetres. */
	private static final int BAR_WIDTH_MAX_MM = 60;

	private ForecastPdf() {
	}

	static byte[] render(ExportedVersion exported) {
		String html = html(exported);
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.withHtmlContent(html, null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot render the scenario PDF", ex);
		}
	}

	static String html(ExportedVersion exported) {
		CashForecast forecast = exported.forecast().forecast();
		String currency = forecast.reportingCurrency();
		StringBuilder html = new StringBuilder(8_192);
		html.append("""
				<?xml version="1.0" encoding="UTF-8"?>
				<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Cash scenario</title><style>
				  @page { size: A4; margin: 16mm; }
				  body { font-family: sans-serif; font-size: 9pt; color: #1d2430; }
				  h1 { font-size: 16pt; margin: 0 0 2mm 0; } h2 { font-size: 11pt; margin: 6mm 0 2mm 0; }
				  table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 0.3pt solid #c8ccd4; padding: 1.2mm; }
				  th { text-align: left; background: #eef1f5; } td.n { text-align: right; }
				  .meta { color: #5a6270; } .bar { height: 2.6mm; display: inline-block; }
				  .up { background: #2e6fb7; } .down { background: #c0392b; } td.chart { width: 65mm; }
				</style></head><body>
				""");
		html.append("<h1>Cash scenario: ").append(escape(exported.version().label())).append("</h1><p class=\"meta\">Version ")
			.append(exported.version().number()).append(" — first day ").append(exported.version().asOf()).append(" — ")
			.append(forecast.daily().size()).append(" days in ").append(currency).append(" — SHA-256 of the version ")
			.append(exported.version().digest()).append("</p>");
		html.append("<h2>Key figures</h2><table>")
			.append(figure("Opening balance", amount(forecast.opening())))
			.append(figure("Closing balance", amount(forecast.closing())))
			.append(figure("Lowest closing balance", amount(forecast.lowestClosing()) + " on " + forecast.lowestDate()))
			.append(figure("Runway", forecast.runwayDays() == null ? "beyond the horizon"
					: forecast.runwayDays() + " days (cash out on " + forecast.cashOutDate() + ")"))
			.append("</table>");
		Drivers drivers = forecast.drivers();
		html.append("<h2>Drivers</h2><table>")
			.append(figure("Revenue growth", drivers.revenueGrowth().toPlainString()))
			.append(figure("Collection delay shift", drivers.collectionDelayShiftDays() + " days"))
			.append(figure("Collection rate", drivers.collectionRate().toPlainString()))
			.append(figure("Payables stretch", drivers.payablesStretchDays() + " days"))
			.append(figure("Recurring-expense change", drivers.recurringExpenseChange().toPlainString()))
			.append(figure("One-off items", Integer.toString(drivers.oneOffs().size())))
			.append("</table>");
		html.append("<h2>Weekly closing balance</h2><table><tr><th>Week</th><th class=\"n\">In</th><th class=\"n\">Out</th>"
				+ "<th class=\"n\">Closing</th><th>Closing balance (blue above zero, red below)</th></tr>");
		List<Bucket> weeks = forecast.weekly();
		BigDecimal largest = weeks.stream().map(week -> week.closing().abs()).reduce(BigDecimal.ZERO, BigDecimal::max);
		for (Bucket week : weeks) {
			html.append("<tr><td>").append(week.start()).append(" – ").append(week.end()).append("</td><td class=\"n\">")
				.append(amount(total(week, true))).append("</td><td class=\"n\">").append(amount(total(week, false)))
				.append("</td><td class=\"n\">").append(amount(week.closing())).append("</td><td class=\"chart\"><span class=\"bar ")
				.append(week.closing().signum() < 0 ? "down" : "up").append("\" style=\"width: ").append(width(week.closing(), largest))
				.append("mm\"></span></td></tr>");
		}
		html.append("</table></body></html>");
		return html.toString();
	}

	private static String figure(String name, String value) {
		return "<tr><th>" + name + "</th><td class=\"n\">" + escape(value) + "</td></tr>";
	}

	private static BigDecimal total(Bucket bucket, boolean inflows) {
		BigDecimal total = BigDecimal.ZERO;
		for (CashCategory category : CashCategory.values()) {
			total = total.add(inflows ? bucket.inflow(category) : bucket.outflow(category));
		}
		return total;
	}

	/** Amounts as 1234567.89: plain digits so the PDF's text is exact and searchable. */
	static String amount(BigDecimal value) {
		return value.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
	}

	private static String width(BigDecimal value, BigDecimal largest) {
		if (largest.signum() == 0) {
			return "0";
		}
		return value.abs().multiply(BigDecimal.valueOf(BAR_WIDTH_MAX_MM)).divide(largest, 1, RoundingMode.HALF_EVEN).toPlainString();
	}

	/** XHTML knows only XML's five entities: escape those and leave every other character (accents included) as UTF-8. */
	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
