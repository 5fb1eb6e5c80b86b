package com.performanceos.scenarios.dunning;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.performanceos.ledger.receivables.invoices.OpenInvoices;

import static org.assertj.core.api.Assertions.assertThat;

/** Which steps fall due on a day and which cadences stop, without a database. */
class DunningPlanTests {

	private static final LocalDate DUE = LocalDate.parse("2026-03-10");

	private static final DunningCadence CADENCE = new DunningCadence(UUID.randomUUID(), "SMB",
			List.of(new DunningStep(-3, DunningChannel.EMAIL, DunningTone.COURTESY), new DunningStep(7, DunningChannel.EMAIL, DunningTone.REMINDER),
					new DunningStep(30, DunningChannel.EMAIL, DunningTone.FORMAL_NOTICE)),
			1, "finance", Instant.EPOCH);

	private static final DunningContact CONTACT = new DunningContact(UUID.randomUUID(), "D1", "SMB", "d1@example.com", null, DunningLanguage.EN);

	private final OpenInvoices.Item invoice = new OpenInvoices.Item(UUID.randomUUID(), "A-1", "D1", DUE.minusDays(30), DUE,
			new BigDecimal("100.00"), "EUR");

	@Test
	void nothingIsDueBeforeTheFirstStepsDay() {
		assertThat(plan("2026-03-06", List.of(), Set.of(), 10).due()).isEmpty();
	}

	@Test
	void theStepOfTheDayIsDueOnItsDayAndAfter() {
		assertThat(plan("2026-03-07", List.of(), Set.of(), 10).due()).singleElement()
			.satisfies(due -> assertThat(due.step()).isEqualTo(1))
			.satisfies(due -> assertThat(due.skipped()).isFalse());
		assertThat(plan("2026-03-17", List.of(new DunningPlan.Recorded(invoice.key(), "A-1", 1)), Set.of(), 10).due()).singleElement()
			.satisfies(due -> assertThat(due.step()).isEqualTo(2));
	}

	@Test
	void aRecordedStepIsNeverDueAgain() {
		assertThat(plan("2026-03-16", List.of(new DunningPlan.Recorded(invoice.key(), "A-1", 1)), Set.of(), 10).due()).isEmpty();
	}

	@Test
	void onlyTheLatestOfSeveralDueStepsIsSentTheOthersAreSkipped() {
		assertThat(plan("2026-04-20", List.of(), Set.of(), 10).due())
			.extracting(DunningPlan.Due::step, DunningPlan.Due::skipped)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, true), org.assertj.core.groups.Tuple.tuple(2, true),
					org.assertj.core.groups.Tuple.tuple(3, false));
	}

	@Test
	void aStoppedInvoiceIsNotDueAndAMessagedInvoiceNoLongerOpenIsSettled() {
		assertThat(plan("2026-03-17", List.of(), Set.of(invoice.key()), 10).due()).isEmpty();
		UUID paid = UUID.randomUUID();
		DunningPlan.Plan plan = plan("2026-03-17", List.of(new DunningPlan.Recorded(paid, "P-1", 1)), Set.of(), 10);
		assertThat(plan.settled()).containsExactly(Map.entry(paid, "P-1"));
	}

	@Test
	void aRunSendsAtMostItsLimit() {
		OpenInvoices.Item other = new OpenInvoices.Item(UUID.randomUUID(), "A-2", "D1", DUE.minusDays(30), DUE, BigDecimal.TEN, "EUR");
		DunningPlan.Plan plan = DunningPlan.plan(LocalDate.parse("2026-03-07"), List.of(invoice, other), Map.of("D1", CONTACT),
				Map.of("SMB", CADENCE), List.of(), Set.of(), 1);
		assertThat(plan.due()).extracting(due -> due.invoice().number()).containsExactly("A-1");
	}

	private DunningPlan.Plan plan(String asOf, List<DunningPlan.Recorded> recorded, Set<UUID> stopped, int sendMax) {
		return DunningPlan.plan(LocalDate.parse(asOf), List.of(invoice), Map.of("D1", CONTACT), Map.of("SMB", CADENCE), recorded, stopped,
				sendMax);
	}

}
