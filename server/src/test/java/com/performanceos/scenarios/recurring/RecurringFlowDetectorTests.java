package com.performanceos.scenarios.recurring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class RecurringFlowDetectorTests {

	private static final LocalDate START = LocalDate.of(2025, 1, 1);

	@Test
	void findsMonthlyRentAndWeeklyPayrollInANoisyYearButNotTheOneOffs() {
		List<BankTransaction> history = new ArrayList<>();
		List<String> rentIds = new ArrayList<>();
		List<String> payrollIds = new ArrayList<>();
		// Rent on the 5th of each month, moved to Monday when the 5th is a weekend; label carries the month.
		for (int month = 0; month < 12; month++) {
			LocalDate due = START.withDayOfMonth(5).plusMonths(month);
			LocalDate booked = switch (due.getDayOfWeek()) {
				case SATURDAY -> due.plusDays(2);
				case SUNDAY -> due.plusDays(1);
				default -> due;
			};
			String id = "rent-" + month;
			rentIds.add(id);
			history.add(new BankTransaction(id, booked, new BigDecimal("-2500.00"), "EUR",
					"Loyer SCI Rivoli " + booked.getMonthValue() + "/2025"));
		}
		// Payroll every Friday, the amount moving by a few percent (overtime).
		LocalDate friday = START.with(java.time.temporal.TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
		for (int week = 0; friday.plusWeeks(week).isBefore(START.plusYears(1)); week++) {
			String id = "pay-" + week;
			payrollIds.add(id);
			history.add(new BankTransaction(id, friday.plusWeeks(week), new BigDecimal(-4200 - (week % 5) * 40).setScale(2),
					"EUR", "VIR PAYROLL ACME SAS"));
		}
		// Noise: 300 card payments at random dates and amounts among a few merchants, seeded so the test is stable.
		Random random = new Random(42);
		String[] merchants = { "CB CAFE DU COIN", "CB UBER", "CB AMAZON", "CB SNCF", "CB MONOPRIX" };
		for (int index = 0; index < 300; index++) {
			history.add(new BankTransaction("noise-" + index, START.plusDays(random.nextInt(365)),
					BigDecimal.valueOf(-(500 + random.nextInt(30_000)), 2), "EUR", merchants[random.nextInt(merchants.length)]));
		}
		// One-offs: a laptop, the rent deposit to the same landlord (not the rent amount), a customer paying once.
		history.add(new BankTransaction("laptop", LocalDate.of(2025, 3, 14), new BigDecimal("-1899.00"), "EUR", "DELL EMEA"));
		history.add(new BankTransaction("deposit", LocalDate.of(2025, 1, 3), new BigDecimal("-7500.00"), "EUR", "LOYER SCI RIVOLI"));
		history.add(new BankTransaction("customer", LocalDate.of(2025, 6, 2), new BigDecimal("12000.00"), "EUR", "ACME SAS"));

		List<RecurringSeries> found = RecurringFlowDetector.withDefaults().detect(history);

		assertThat(found).extracting(RecurringSeries::counterpartyKey).containsExactly("LOYER SCI RIVOLI", "VIR PAYROLL ACME SAS");
		RecurringSeries rent = found.get(0);
		assertThat(rent.cadence()).isEqualTo(Cadence.MONTHLY);
		assertThat(rent.amount()).isEqualByComparingTo("-2500.00");
		assertThat(rent.transactionIds()).containsExactlyElementsOf(rentIds).doesNotContain("deposit");
		// 11 of 11 gaps fit, 12 of the 13 transactions to the landlord are rent: 12/13.
		assertThat(rent.confidence()).isEqualTo(12.0 / 13);
		assertThat(rent.nextOccurrence()).isEqualTo(LocalDate.of(2026, 1, 5));
		RecurringSeries payroll = found.get(1);
		assertThat(payroll.cadence()).isEqualTo(Cadence.WEEKLY);
		assertThat(payroll.transactionIds()).containsExactlyElementsOf(payrollIds);
		assertThat(payroll.confidence()).isEqualTo(1.0);
	}

	@Test
	void irregularGapsAreNotASeries() {
		// Same counterparty and amount, gaps of 3, 40 and 100 days: fits no cadence.
		List<BankTransaction> history = List.of(
				new BankTransaction("a", START, new BigDecimal("-99.00"), "EUR", "SAAS"),
				new BankTransaction("b", START.plusDays(3), new BigDecimal("-99.00"), "EUR", "SAAS"),
				new BankTransaction("c", START.plusDays(43), new BigDecimal("-99.00"), "EUR", "SAAS"),
				new BankTransaction("d", START.plusDays(143), new BigDecimal("-99.00"), "EUR", "SAAS"));
		assertThat(RecurringFlowDetector.withDefaults().detect(history)).isEmpty();
	}

	@Test
	void quarterlyVatIsFound() {
		List<BankTransaction> history = List.of(
				new BankTransaction("q1", LocalDate.of(2025, 1, 24), new BigDecimal("-8000.00"), "EUR", "DGFIP TVA"),
				new BankTransaction("q2", LocalDate.of(2025, 4, 24), new BigDecimal("-8300.00"), "EUR", "DGFIP TVA"),
				new BankTransaction("q3", LocalDate.of(2025, 7, 24), new BigDecimal("-7900.00"), "EUR", "DGFIP TVA"));
		assertThat(RecurringFlowDetector.withDefaults().detect(history)).singleElement()
			.satisfies(series -> {
				assertThat(series.cadence()).isEqualTo(Cadence.QUARTERLY);
				assertThat(series.amount()).isEqualByComparingTo("-8000.00");
			});
	}

}
