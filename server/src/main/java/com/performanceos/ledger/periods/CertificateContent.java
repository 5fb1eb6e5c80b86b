package com.performanceos.ledger.periods;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import com.performanceos.platform.digest.Sha256;

/**
 * The body of a close certificate and its canonical serialisation, documented in the schema's
 * {@code CloseCertificate}: UTF-8 JSON without whitespace, keys in a fixed order, accounts by code
 * then currency, amounts as decimal strings. The same balances always give the same bytes, so the
 * digest proves the snapshot. Its own mapper keeps the layout independent of the application's
 * JSON settings.
 *
 * @param tenant the tenant closed
 * @param month the month closed
 * @param version the certificate version
 * @param knownAt the closing time: lines recorded after it are not counted
 * @param closedBy who closed the month
 * @param accounts the balances, ordered by account code then currency
 */
record CertificateContent(String tenant, YearMonth month, int version, Instant knownAt, String closedBy, List<AccountBalance> accounts) {

	static final String FORMAT = "performanceos.close-certificate/1";

	private static final JsonMapper CANONICAL = JsonMapper.builder().build();

	private static final DateTimeFormatter KNOWN_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

	CertificateContent {
		accounts = List.copyOf(accounts);
	}

	/**
	 * One account's totals in one currency.
	 *
	 * @param code the account code
	 * @param name the account name
	 * @param type the account type
	 * @param currency the currency of the lines
	 * @param debitTotal sum of debit lines
	 * @param creditTotal sum of credit lines
	 * @param lineCount lines counted
	 */
	record AccountBalance(String code, String name, String type, String currency, BigDecimal debitTotal, BigDecimal creditTotal,
			long lineCount) {

		BigDecimal net() {
			return debitTotal.subtract(creditTotal);
		}

	}

	/** The canonical JSON text. */
	String canonicalJson() {
		ObjectNode root = CANONICAL.createObjectNode();
		root.put("format", FORMAT);
		root.put("tenant", tenant);
		root.put("month", month.toString());
		root.put("version", version);
		root.put("effectiveTo", month.atEndOfMonth().toString());
		root.put("knownAt", KNOWN_AT.format(knownAt));
		root.put("closedBy", closedBy);
		ArrayNode lines = root.putArray("accounts");
		for (AccountBalance account : accounts) {
			ObjectNode line = lines.addObject();
			line.put("code", account.code());
			line.put("name", account.name());
			line.put("type", account.type());
			line.put("currency", account.currency());
			line.put("debitTotal", amount(account.debitTotal()));
			line.put("creditTotal", amount(account.creditTotal()));
			line.put("net", amount(account.net()));
			line.put("lineCount", account.lineCount());
		}
		return CANONICAL.writeValueAsString(root);
	}

	/** At least two decimals and no trailing zeros beyond them: {@code 150.00}, {@code 0.125}, {@code -7.10}. */
	static String amount(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 2 ? stripped.setScale(2) : stripped).toPlainString();
	}

}
