package com.performanceos.rules.sales.crm;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import com.performanceos.ledger.imports.DealStage;
import com.performanceos.rules.sales.SyncedDeals.SyncedDeal;

import static org.assertj.core.api.Assertions.assertThat;

class DealMappingTests {

	private static final ConnectionSettings SETTINGS = new ConnectionSettings("https://example.my.salesforce.com", "EUR", null, null,
			null, null, List.of(new ConnectionSettings.StageMapping("Signed", DealStage.CLOSED_WON),
					new ConnectionSettings.StageMapping("Annulé", DealStage.CANCELLED)));

	private static final Instant MODIFIED = Instant.parse("2026-11-01T09:00:00Z");

	@Test
	void mapsACompleteSalesforceRecordWithTheDefaultCurrency() {
		SyncedDeal deal = mapped(record("006A", "camille@example.com", "12000.50", null, "2026-10-15", "Closed Won"));
		assertThat(deal.recordId()).isEqualTo("006A");
		assertThat(deal.provider()).isEqualTo("SALESFORCE");
		assertThat(deal.rep()).isEqualTo("camille@example.com");
		assertThat(deal.amount()).isEqualByComparingTo("12000.50");
		assertThat(deal.arr()).isEqualByComparingTo(BigDecimal.ZERO);
		assertThat(deal.currency().getCurrencyCode()).isEqualTo("EUR");
		assertThat(deal.stage()).isEqualTo(DealStage.CLOSED_WON);
		assertThat(deal.closeDate()).isEqualTo(LocalDate.of(2026, 10, 15));
		assertThat(deal.modifiedAt()).isEqualTo(MODIFIED);
		assertThat(deal.position()).isEqualTo(7);
	}

	@Test
	void theConnectionsStageMappingsComeBeforeTheStandardPipelineAndCancellationMapsToCancelled() {
		assertThat(mapped(record("1", "o", "1", null, "2026-10-15", "signed")).stage()).isEqualTo(DealStage.CLOSED_WON);
		assertThat(mapped(record("1", "o", "1", null, "2026-10-15", "Annulé")).stage()).isEqualTo(DealStage.CANCELLED);
		assertThat(mapped(record("1", "o", "1", null, "2026-10-15", "Negotiation/Review")).stage()).isEqualTo(DealStage.NEGOTIATION);
		assertThat(DealMapping.stage(CrmProvider.HUBSPOT, "contractsent", SETTINGS)).contains(DealStage.NEGOTIATION);
		assertThat(DealMapping.stage(CrmProvider.HUBSPOT, "closedlost", SETTINGS)).contains(DealStage.CLOSED_LOST);
		assertThat(DealMapping.stage(CrmProvider.SALESFORCE, "Cancelled", SETTINGS)).contains(DealStage.CANCELLED);
	}

	@Test
	void aRecordThatCannotBeMappedWholeIsSkippedWithItsReason() {
		assertThat(skipped(record("1", null, "1", null, "2026-10-15", "Closed Won"))).isEqualTo(
				new SkippedRecord(7, "1", SkipReason.MISSING_VALUE, "The record has no owner"));
		assertThat(skipped(record("1", "o", null, null, "2026-10-15", "Closed Won")).reason()).isEqualTo(SkipReason.MISSING_VALUE);
		assertThat(skipped(record("1", "o", "-5", null, "2026-10-15", "Closed Won")).reason()).isEqualTo(SkipReason.INVALID_AMOUNT);
		assertThat(skipped(record("1", "o", "1.1234567", null, "2026-10-15", "Closed Won")).reason()).isEqualTo(SkipReason.INVALID_AMOUNT);
		assertThat(skipped(record("1", "o", "abc", null, "2026-10-15", "Closed Won")).reason()).isEqualTo(SkipReason.INVALID_AMOUNT);
		assertThat(skipped(record("1", "o", "1", null, "2026-02-30", "Closed Won")).reason()).isEqualTo(SkipReason.INVALID_DATE);
		assertThat(skipped(record("1", "o", "1", null, "2150-01-01", "Closed Won")).reason()).isEqualTo(SkipReason.INVALID_DATE);
		assertThat(skipped(record("1", "o", "1", null, "2026-10-15", "Sleeping")).reason()).isEqualTo(SkipReason.UNKNOWN_STAGE);
		assertThat(skipped(record("1", "o", "1", "EURO", "2026-10-15", "Closed Won")).reason()).isEqualTo(SkipReason.UNKNOWN_CURRENCY);
		assertThat(skipped(record("1", "o\u0000x", "1", null, "2026-10-15", "Closed Won")).reason()).isEqualTo(SkipReason.INVALID_TEXT);
		assertThat(skipped(new ProviderRecord("1", null, "o", "1", null, "2026-10-15", "Closed Won", null, null, null)).reason())
			.isEqualTo(SkipReason.MISSING_VALUE);
	}

	@Test
	void readsTheProvidersDateAndTimeNotations() {
		assertThat(DealMapping.instant("2026-11-01T09:00:00.000+0000")).contains(MODIFIED);
		assertThat(DealMapping.instant("2026-11-01T10:00:00+01:00")).contains(MODIFIED);
		assertThat(DealMapping.instant("2026-11-01T09:00:00Z")).contains(MODIFIED);
		assertThat(DealMapping.instant(Long.toString(MODIFIED.toEpochMilli()))).contains(MODIFIED);
		assertThat(DealMapping.day("2026-10-15T23:30:00Z")).contains(LocalDate.of(2026, 10, 15));
		assertThat(DealMapping.day("2026-10-15")).contains(LocalDate.of(2026, 10, 15));
		assertThat(DealMapping.instant("yesterday")).isEmpty();
	}

	private static ProviderRecord record(String id, @Nullable String owner, @Nullable String amount, @Nullable String currency,
			String closeDate, String stage) {
		return new ProviderRecord(id, MODIFIED, owner, amount, currency, closeDate, stage, "New Business", null, null);
	}

	private static SyncedDeal mapped(ProviderRecord record) {
		DealMapping.Result result = DealMapping.map(CrmProvider.SALESFORCE, record, 7, SETTINGS);
		assertThat(result).isInstanceOf(DealMapping.Result.Mapped.class);
		return ((DealMapping.Result.Mapped) result).deal();
	}

	private static SkippedRecord skipped(ProviderRecord record) {
		DealMapping.Result result = DealMapping.map(CrmProvider.SALESFORCE, record, 7, SETTINGS);
		assertThat(result).isInstanceOf(DealMapping.Result.Skipped.class);
		return ((DealMapping.Result.Skipped) result).skipped();
	}

}
