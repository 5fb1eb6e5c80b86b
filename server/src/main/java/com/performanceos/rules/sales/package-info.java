/**
 * Sales data owned by the rules domain for commissions: deals and quotas (and, with the
 * commissions issue, reps and their hierarchy), filled by the ledger's generic CSV imports through
 * {@code SalesImportSink} and read by others through {@link com.performanceos.rules.sales.SalesData}.
 */
@NullMarked
package com.performanceos.rules.sales;

import org.jspecify.annotations.NullMarked;
