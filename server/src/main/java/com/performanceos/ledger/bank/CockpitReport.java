package com.performanceos.ledger.bank;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * The cash cockpit as a PDF: the consolidated position per currency and bank, cash-in and
 * cash-out per period, and a bar chart of both. Rendered from XHTML with CSS by openhtmltopdf, so
 * the layout is plain markup; every value is escaped before it enters the markup.
 */
final class CockpitReport {

	/** Widest bar of the chart, in millimetres. */
	private static final int BAR_WIDTH_MAX_MM = 70;

	private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT);

	private CockpitReport() {
	}

	static byte[] render(String tenant, LocalDate asOf, CashService.Position position, LocalDate from, LocalDate to,
			CashService.Grain grain, List<CashService.Bucket> flows) {
		String html = html(tenant, asOf, position, from, to, grain, flows);
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.withHtmlContent(html, null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot render the cockpit PDF", ex);
		}
	}

	static String html(String tenant, LocalDate asOf, CashService.Position position, LocalDate from, LocalDate to,
			CashService.Grain grain, List<CashService.Bucket> flows) {
		StringBuilder html = new StringBuilder(8_192);
		html.append("""
				<?xml version="1.0" encoding="UTF-8"?>
				<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Cash cockpit</title><style>
				  @page { size: A4; margin: 16mm; }
				  body { font-family: sans-serif; font-size: 9pt; color: #1d2430; }
				  h1 { font-size: 16pt; margin: 0 0 2mm 0; } h2 { font-size: 11pt; margin: 6mm 0 2mm 0; }
				  table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 0.3pt solid #c8ccd4; padding: 1.2mm; }
				  th { text-align: left; background: #eef1f5; } td.n { text-align: right; }
				  .meta { color: #5a6270; } .bar { height: 2.6mm; display: inline-block; }
				  .in { background: #2e8b57; } .out { background: #c0392b; } td.chart { width: 75mm; }
				</style></head><body>
				""");
		html.append("<h1>Cash cockpit</h1><p class=\"meta\">Tenant ").append(escape(tenant)).append(" — position as of ")
			.append(asOf).append(" — flows ").append(from).append(" to ").append(to).append(" by ")
			.append(grain.name().toLowerCase(Locale.ROOT)).append(" — generated ")
			.append(GENERATED.format(ZonedDateTime.now(ZoneOffset.UTC))).append("</p>");
		html.append("<h2>Consolidated position</h2><table><tr><th>Currency</th><th>Bank</th><th>Entity</th><th class=\"n\">Accounts</th>"
				+ "<th class=\"n\">Balance</th></tr>");
		for (CashService.Line line : position.lines()) {
			html.append("<tr><td>").append(line.currency().getCurrencyCode()).append("</td><td>")
				.append(escape(line.bankName() == null ? "all" : line.bankName())).append("</td><td>")
				.append(escape(line.entity() == null ? "all" : line.entity())).append("</td><td class=\"n\">")
				.append(line.bankAccountCount()).append("</td><td class=\"n\">").append(amount(line.balance().amount()))
				.append("</td></tr>");
		}
		html.append("</table><h2>Cash-in and cash-out</h2><table><tr><th>Period</th><th>Currency</th><th class=\"n\">In</th>"
				+ "<th class=\"n\">Out</th><th class=\"n\">Net</th><th>Chart (green in, red out)</th></tr>");
		BigDecimal largest = flows.stream()
			.map(bucket -> bucket.inflow().amount().abs().max(bucket.outflow().amount().abs()))
			.reduce(BigDecimal.ZERO, BigDecimal::max);
		for (CashService.Bucket bucket : flows) {
			html.append("<tr><td>").append(bucket.start()).append(" – ").append(bucket.end()).append("</td><td>")
				.append(bucket.currency().getCurrencyCode()).append("</td><td class=\"n\">").append(amount(bucket.inflow().amount()))
				.append("</td><td class=\"n\">").append(amount(bucket.outflow().amount())).append("</td><td class=\"n\">")
				.append(amount(bucket.net().amount())).append("</td><td class=\"chart\"><span class=\"bar in\" style=\"width: ")
				.append(width(bucket.inflow().amount(), largest)).append("mm\"></span><br/><span class=\"bar out\" style=\"width: ")
				.append(width(bucket.outflow().amount(), largest)).append("mm\"></span></td></tr>");
		}
		html.append("</table></body></html>");
		return html.toString();
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

	/**
	 * The report is XHTML, which knows only XML's five entities: escape those characters and leave
	 * every other character (accents included) as UTF-8 text.
	 */
	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
