package com.performanceos.ledger.bank;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.privacy.PersonalDataDetector;
import com.performanceos.platform.validation.ControlCharacters;
import com.performanceos.platform.validation.InvalidInputException;
import com.performanceos.platform.validation.SupportedDates;

/**
 * A batch of transactions of one aggregator account, as the webhook and the polling endpoint
 * deliver it: {@code {"accountId": "...", "transactions": [{"id", "bookingDate", "valueDate",
 * "amount" (signed decimal string), "currency", "counterparty", "label"}]}}. Parsing checks every
 * field and bound; a batch with any bad transaction is refused whole, so the aggregator resends it
 * corrected rather than the ledger holding half of it.
 *
 * @param accountId the aggregator's account id
 * @param transactions the transactions, duplicates within the batch dropped
 */
record AggregatorBatch(String accountId, List<Incoming> transactions) {

	static final int TRANSACTIONS_MAX = 1_000;

	static final int ID_LENGTH_MAX = 100;

	static final int COUNTERPARTY_LENGTH_MAX = 200;

	static final int LABEL_LENGTH_MAX = 500;

	static final int AMOUNT_SCALE_MAX = 6;

	/** Amounts at or above this (10^15) are refused: no bank movement is that large, a typo is. */
	static final BigDecimal AMOUNT_LIMIT = BigDecimal.TEN.pow(15);

	/** One incoming transaction, validated. */
	record Incoming(String id, LocalDate bookingDate, LocalDate valueDate, BigDecimal amount, Currency currency,
			String counterparty, String label) {
	}

	/** The body is not a valid batch; the message says why (it never echoes field values). */
	static final class Invalid extends RuntimeException {

		Invalid(String message) {
			super(message, null, false, false);
		}

	}

	/** Reads the account id alone, leniently, to attribute a refused delivery; null when unreadable. */
	static @Nullable String accountIdOf(JsonMapper json, byte[] body) {
		try {
			JsonNode accountId = json.readTree(body).get("accountId");
			return accountId != null && accountId.isString() && accountId.asString().length() <= ID_LENGTH_MAX
					&& ControlCharacters.firstForbidden(accountId.asString(), ControlCharacters.Kind.IDENTIFIER) < 0 ? accountId.asString() : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	static AggregatorBatch parse(JsonMapper json, byte[] body) {
		JsonNode root;
		try {
			root = json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new Invalid("The body is not JSON");
		}
		String accountId = text(root, "accountId", ID_LENGTH_MAX, false, "batch");
		JsonNode transactions = root.get("transactions");
		if (transactions == null || !transactions.isArray()) {
			throw new Invalid("transactions must be an array");
		}
		if (transactions.size() > TRANSACTIONS_MAX) {
			throw new Invalid("A batch holds at most " + TRANSACTIONS_MAX + " transactions, got " + transactions.size());
		}
		Map<String, Incoming> byId = new LinkedHashMap<>();
		for (int index = 0; index < transactions.size(); index++) {
			Incoming incoming = incoming(transactions.get(index), "transactions[" + index + "]");
			byId.putIfAbsent(incoming.id(), incoming);
		}
		return new AggregatorBatch(accountId, List.copyOf(new ArrayList<>(byId.values())));
	}

	private static Incoming incoming(JsonNode node, String path) {
		if (node == null || !node.isObject()) {
			throw new Invalid(path + " must be an object");
		}
		BigDecimal amount;
		try {
			amount = new BigDecimal(text(node, "amount", 40, false, path));
		}
		catch (NumberFormatException ex) {
			throw new Invalid(path + ".amount must be a decimal string");
		}
		String amountProblem = amountProblem(amount);
		if (amountProblem != null) {
			throw new Invalid(path + ".amount " + amountProblem);
		}
		Currency currency;
		try {
			currency = Currency.getInstance(text(node, "currency", 3, false, path));
		}
		catch (IllegalArgumentException ex) {
			throw new Invalid(path + ".currency must be an ISO 4217 code");
		}
		return incoming(text(node, "id", ID_LENGTH_MAX, false, path), date(node, "bookingDate", path), date(node, "valueDate", path),
				amount, currency, text(node, "counterparty", COUNTERPARTY_LENGTH_MAX, true, path),
				text(node, "label", LABEL_LENGTH_MAX, true, path));
	}

	/**
	 * A transaction as stored, whichever way it arrived (aggregator or statement import): texts
	 * stripped, and personal data in the label redacted before it is ever written.
	 */
	static Incoming incoming(String id, LocalDate bookingDate, LocalDate valueDate, BigDecimal amount, Currency currency,
			String counterparty, String label) {
		return new Incoming(id, bookingDate, valueDate, amount, currency, counterparty.strip(), PersonalDataDetector.redact(label.strip()));
	}

	/** Why an amount cannot be a bank movement, or null when it can. */
	static @Nullable String amountProblem(BigDecimal amount) {
		if (amount.signum() == 0 || amount.abs().compareTo(AMOUNT_LIMIT) >= 0 || amount.stripTrailingZeros().scale() > AMOUNT_SCALE_MAX) {
			return "must be non-zero, below 10^15 and have at most " + AMOUNT_SCALE_MAX + " decimals";
		}
		return null;
	}

	private static LocalDate date(JsonNode node, String field, String path) {
		try {
			return SupportedDates.parseDate(text(node, field, 10, false, path));
		}
		catch (InvalidInputException ex) {
			throw new Invalid(ex.about(path + "." + field));
		}
	}

	private static String text(JsonNode node, String field, int lengthMax, boolean optional, String path) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			if (optional) {
				return "";
			}
			throw new Invalid(path + "." + field + " is required");
		}
		if (!value.isString() || value.asString().length() > lengthMax || (!optional && value.asString().isBlank())) {
			throw new Invalid(path + "." + field + " must be a string of " + (optional ? 0 : 1) + " to " + lengthMax + " characters");
		}
		// Labels and counterparties are free text; ids and dates identifiers. Neither may carry NUL,
		// which PostgreSQL refuses in text.
		try {
			return ControlCharacters.check(value.asString(), field.equals("id") || field.endsWith("Id") || field.endsWith("Date")
					? ControlCharacters.Kind.IDENTIFIER : ControlCharacters.Kind.FREE_TEXT);
		}
		catch (InvalidInputException ex) {
			throw new Invalid(ex.about(path + "." + field));
		}
	}

}
