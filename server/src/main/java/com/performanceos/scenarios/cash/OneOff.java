package com.performanceos.scenarios.cash;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A one-off item a person adds to a scenario (a tax refund, a machine purchase): signed amount. */
public record OneOff(String id, String label, LocalDate date, BigDecimal amount, String currency) {
}
