package com.performanceos.rules.sales.crm;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import com.performanceos.ledger.imports.DealStage;
import com.performanceos.platform.validation.SupportedDates;
import com.performanceos.rules.sales.SyncedDeals.SyncedDeal;

/**
 * Maps a provider's record to a deal whole, or skips it with a reason: a record never becomes a partial deal. The
 * rules: the owner is the rep (Salesforce: the owner's e-mail; HubSpot: the owner id), the amount must be a decimal of
 * at most 6 places and not negative, the close date a real day in the supported range, the stage one the connection or
 * the provider's standard pipeline maps (a cancelled deal maps to {@code CANCELLED}), the currency an ISO 4217 code.
 */
final class DealMapping {

	/** Longest text value kept, as for CSV imports. */
	static final int TEXT_LENGTH_MAX = 500;

	static final int AMOUNT_SCALE_MAX = 6;

	/** Salesforce's standard opportunity stages (their labels, as the query API answers them). */
	private static final Map<String, DealStage> SALESFORCE_STAGES = Map.ofEntries(Map.entry("prospecting", DealStage.PROSPECTING),
			Map.entry("qualification", DealStage.QUALIFIED), Map.entry("needs analysis", DealStage.QUALIFIED),
			Map.entry("value proposition", DealStage.PROPOSAL), Map.entry("id. decision makers", DealStage.PROPOSAL),
			Map.entry("perception analysis", DealStage.PROPOSAL), Map.entry("proposal/price quote", DealStage.PROPOSAL),
			Map.entry("negotiation/review", DealStage.NEGOTIATION), Map.entry("closed won", DealStage.CLOSED_WON),
			Map.entry("closed lost", DealStage.CLOSED_LOST));

	/** The stage ids of HubSpot's default sales pipeline. */
	private static final Map<String, DealStage> HUBSPOT_STAGES = Map.of("appointmentscheduled", DealStage.PROSPECTING, "qualifiedtobuy",
			DealStage.QUALIFIED, "presentationscheduled", DealStage.PROPOSAL, "decisionmakerboughtin", DealStage.NEGOTIATION,
			"contractsent", DealStage.NEGOTIATION, "closedwon", DealStage.CLOSED_WON, "closedlost", DealStage.CLOSED_LOST);

	private DealMapping() {
	}

	/** A mapped record: a deal, or the reason it was skipped. */
	sealed interface Result {

		record Mapped(SyncedDeal deal) implements Result {
		}

		record Skipped(SkippedRecord skipped) implements Result {
		}

	}

	static Result map(CrmProvider provider, ProviderRecord record, int position, ConnectionSettings settings) {
		String id = record.recordId();
		if (!isText(id)) {
			return skip(position, abbreviated(id), SkipReason.INVALID_TEXT, "The record id is longer than " + TEXT_LENGTH_MAX
					+ " characters or holds a control character");
		}
		if (record.modifiedAt() == null) {
			return skip(position, id, SkipReason.MISSING_VALUE, "The record has no readable last-modified time");
		}
		if (!SupportedDates.contains(record.modifiedAt())) {
			return skip(position, id, SkipReason.INVALID_DATE, "The last-modified time lies outside " + SupportedDates.describe());
		}
		String[] names = { "owner", "amount", "close date", "stage" };
		@Nullable String[] values = { record.owner(), record.amount(), record.closeDate(), record.stage() };
		for (int i = 0; i < names.length; i++) {
			if (values[i] == null || values[i].isBlank()) {
				return skip(position, id, SkipReason.MISSING_VALUE, "The record has no " + names[i]);
			}
		}
		for (@Nullable String text : new @Nullable String[] { record.owner(), record.product(), record.region(), record.stage() }) {
			if (text != null && !isText(text)) {
				return skip(position, id, SkipReason.INVALID_TEXT, "A value is longer than " + TEXT_LENGTH_MAX
						+ " characters or holds a control character");
			}
		}
		Optional<BigDecimal> amount = amount(record.amount());
		if (amount.isEmpty()) {
			return skip(position, id, SkipReason.INVALID_AMOUNT, "The amount '" + abbreviated(record.amount())
					+ "' is not a decimal of at most " + AMOUNT_SCALE_MAX + " places, zero or more");
		}
		Optional<BigDecimal> arr = record.arr() == null || record.arr().isBlank() ? Optional.of(BigDecimal.ZERO) : amount(record.arr());
		if (arr.isEmpty()) {
			return skip(position, id, SkipReason.INVALID_AMOUNT, "The ARR '" + abbreviated(record.arr())
					+ "' is not a decimal of at most " + AMOUNT_SCALE_MAX + " places, zero or more");
		}
		Optional<LocalDate> closeDate = day(record.closeDate());
		if (closeDate.isEmpty()) {
			return skip(position, id, SkipReason.INVALID_DATE, "The close date '" + abbreviated(record.closeDate())
					+ "' is not a day within " + SupportedDates.describe());
		}
		Optional<DealStage> stage = stage(provider, record.stage(), settings);
		if (stage.isEmpty()) {
			return skip(position, id, SkipReason.UNKNOWN_STAGE, "The stage '" + abbreviated(record.stage())
					+ "' is not mapped: add it to the connection's stage mappings");
		}
		String code = record.currency() == null || record.currency().isBlank() ? settings.defaultCurrency() : record.currency().strip();
		Optional<Currency> currency = currency(code);
		if (currency.isEmpty()) {
			return skip(position, id, SkipReason.UNKNOWN_CURRENCY, "The currency '" + abbreviated(code) + "' is not an ISO 4217 code");
		}
		return new Result.Mapped(new SyncedDeal(provider.name(), id, record.modifiedAt(), position, record.owner().strip(),
				text(record.product()), text(record.region()), amount.get(), arr.get(), stage.get(), closeDate.get(), currency.get()));
	}

	private static Result skip(int position, String recordId, SkipReason reason, String message) {
		return new Result.Skipped(new SkippedRecord(position, recordId, reason, message));
	}

	static Optional<BigDecimal> amount(String text) {
		try {
			BigDecimal amount = new BigDecimal(text.strip());
			if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > AMOUNT_SCALE_MAX || amount.precision() - amount.scale() > 32) {
				return Optional.empty();
			}
			return Optional.of(amount);
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/**
	 * A day written {@code 2026-03-31} (Salesforce), or as an instant (HubSpot: {@code 2026-03-31T00:00:00Z}, or
	 * milliseconds since the epoch), taken in UTC.
	 */
	static Optional<LocalDate> day(String text) {
		String value = text.strip();
		if (value.length() == 10 && !value.chars().allMatch(Character::isDigit)) {
			try {
				LocalDate day = LocalDate.parse(value);
				return SupportedDates.contains(day) ? Optional.of(day) : Optional.empty();
			}
			catch (DateTimeParseException ex) {
				return Optional.empty();
			}
		}
		return instant(value).map(instant -> instant.atZone(ZoneOffset.UTC).toLocalDate()).filter(SupportedDates::contains);
	}

	/** An instant written in ISO 8601 with {@code Z} or an offset ({@code +0000} as Salesforce writes it), or as epoch milliseconds. */
	static Optional<Instant> instant(String text) {
		String value = text.strip();
		try {
			if (!value.isEmpty() && value.length() <= 15 && value.chars().allMatch(Character::isDigit)) {
				return Optional.of(Instant.ofEpochMilli(Long.parseLong(value)));
			}
			return Optional.of(java.time.OffsetDateTime.parse(value, OFFSET_DATE_TIME).toInstant());
		}
		catch (DateTimeParseException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static final java.time.format.DateTimeFormatter OFFSET_DATE_TIME = new java.time.format.DateTimeFormatterBuilder()
		.append(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME)
		.optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
		.optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
		.toFormatter(Locale.ROOT);

	static Optional<DealStage> stage(CrmProvider provider, String text, ConnectionSettings settings) {
		String value = text.strip();
		for (ConnectionSettings.StageMapping mapping : settings.stageMappings()) {
			if (mapping.providerStage().strip().equalsIgnoreCase(value)) {
				return Optional.of(mapping.stage());
			}
		}
		Map<String, DealStage> standard = provider == CrmProvider.SALESFORCE ? SALESFORCE_STAGES : HUBSPOT_STAGES;
		DealStage known = standard.get(value.toLowerCase(Locale.ROOT));
		return known != null ? Optional.of(known) : DealStage.parse(value);
	}

	private static Optional<Currency> currency(String code) {
		if (!code.matches("[A-Z]{3}")) {
			return Optional.empty();
		}
		try {
			return Optional.of(Currency.getInstance(code));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value.strip();
	}

	private static boolean isText(String value) {
		return value.length() <= TEXT_LENGTH_MAX && value.chars().noneMatch(Character::isISOControl);
	}

	/** A value quoted in a message, cut so that a huge or hostile value does not fill the sync history. */
	private static String abbreviated(@Nullable String value) {
		if (value == null) {
			return "";
		}
		String printable = value.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
		return printable.length() > 60 ? printable.substring(0, 60) + "…" : printable;
	}

}
