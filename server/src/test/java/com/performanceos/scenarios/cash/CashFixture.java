package com.performanceos.scenarios.cash;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.performanceos.scenarios.cash.ForecastInputs.BankBalance;
import com.performanceos.scenarios.cash.ForecastInputs.ExchangeRate;
import com.performanceos.scenarios.cash.ForecastInputs.Payable;
import com.performanceos.scenarios.cash.ForecastInputs.Receivable;
import com.performanceos.scenarios.cash.ForecastInputs.RecurringFlow;
import com.performanceos.scenarios.cash.ForecastInputs.RunRate;
import com.performanceos.scenarios.recurring.Cadence;

/**
 * The forecast fixture. asOf Monday 2026-01-05, 91 days (13 weeks, to Sunday 2026-04-05), EUR.
 * <ul>
 * <li>Bank: 40,000 EUR + 11,000 USD at 0.90 (rate effective 2025-12-01; the 0.80 of 2025-06-01 is superseded,
 * the 0.95 of 2026-02-01 not yet in effect) = 49,900.</li>
 * <li>Customer delays: C1 10 d, C2 20 d, C3 0 d; C4 has no history and takes the portfolio median, 10 d.</li>
 * <li>20 invoices, 10 bills, rent −2,500 monthly from 01-05, payroll −4,000 every Friday from 01-09,
 * new business 600 a day.</li>
 * </ul>
 */
final class CashFixture {

	static final LocalDate AS_OF = LocalDate.of(2026, 1, 5);

	private CashFixture() {
	}

	static ForecastInputs inputs() {
		return new ForecastInputs(AS_OF, 91, "EUR",
				List.of(new BankBalance("bank-eur", new BigDecimal("40000.00"), "EUR"),
						new BankBalance("bank-usd", new BigDecimal("11000.00"), "USD")),
				List.of(new ExchangeRate("USD", "EUR", LocalDate.of(2025, 6, 1), new BigDecimal("0.80")),
						new ExchangeRate("USD", "EUR", LocalDate.of(2025, 12, 1), new BigDecimal("0.90")),
						new ExchangeRate("USD", "EUR", LocalDate.of(2026, 2, 1), new BigDecimal("0.95"))),
				receivables(), Map.of("C1", 10, "C2", 20, "C3", 0), payables(),
				List.of(new RecurringFlow("rent", "Loyer SCI Rivoli", Cadence.MONTHLY, LocalDate.of(2026, 1, 5),
						new BigDecimal("-2500.00"), "EUR"),
						new RecurringFlow("payroll", "Payroll", Cadence.WEEKLY, LocalDate.of(2026, 1, 9), new BigDecimal("-4000.00"),
								"EUR")),
				new RunRate("run-rate", AS_OF, Collections.nCopies(91, new BigDecimal("600.00"))));
	}

	private static List<Receivable> receivables() {
		return List.of(invoice("I01", "C1", "2026-01-01", "2000"), invoice("I02", "C1", "2026-01-10", "3000"),
				invoice("I03", "C2", "2026-01-05", "4000"), invoice("I04", "C2", "2025-12-01", "1000"),
				invoice("I05", "C3", "2026-01-06", "5000"), invoice("I06", "C3", "2026-01-15", "2500"),
				invoice("I07", "C4", "2026-01-08", "3000"), invoice("I08", "C4", "2026-02-01", "6000"),
				invoice("I09", "C1", "2026-02-05", "2000"), invoice("I10", "C2", "2026-02-10", "3000"),
				invoice("I11", "C3", "2026-02-20", "1500"), invoice("I12", "C1", "2026-03-01", "4000"),
				invoice("I13", "C2", "2026-03-10", "2000"), invoice("I14", "C3", "2026-03-20", "3500"),
				invoice("I15", "C4", "2026-03-25", "1000"), invoice("I16", "C1", "2026-03-30", "2000"),
				new Receivable("I17", "C3", LocalDate.parse("2026-01-20"), new BigDecimal("1000.00"), "USD"),
				invoice("I18", "C2", "2026-01-12", "1500"), invoice("I19", "C3", "2026-02-02", "2000"),
				invoice("I20", "C1", "2026-02-20", "3000"));
	}

	private static List<Payable> payables() {
		return List.of(bill("P01", "2026-01-07", "8000"), bill("P02", "2026-01-14", "6000"), bill("P03", "2026-01-21", "12000"),
				bill("P04", "2026-01-31", "5000"), bill("P05", "2026-02-10", "7000"), bill("P06", "2026-02-25", "9000"),
				bill("P07", "2026-03-05", "4000"), bill("P08", "2026-03-18", "6000"), bill("P09", "2025-12-28", "3000"),
				bill("P10", "2026-04-10", "2000"));
	}

	private static Receivable invoice(String id, String customer, String due, String amount) {
		return new Receivable(id, customer, LocalDate.parse(due), new BigDecimal(amount).setScale(2), "EUR");
	}

	private static Payable bill(String id, String due, String amount) {
		return new Payable(id, "S-" + id, LocalDate.parse(due), new BigDecimal(amount).setScale(2), "EUR");
	}

}
