package com.performanceos.ledger.receivables.invoices;

import java.math.BigDecimal;

/**
 * Invoice totals of one currency over a period, as working capital needs them: what is still open
 * at the end of the period and what was invoiced within it, for customers and for suppliers.
 *
 * @param receivables customer invoices still open at the end
 * @param creditSales customer invoices issued within the period
 * @param payables supplier invoices still open at the end
 * @param purchases supplier invoices issued within the period
 */
public record InvoiceTotals(BigDecimal receivables, BigDecimal creditSales, BigDecimal payables, BigDecimal purchases) {
}
