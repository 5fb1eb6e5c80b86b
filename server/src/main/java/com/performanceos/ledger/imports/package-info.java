/** CSV imports into the ledger (journal lines, deals, quotas, bank statements, invoices): validated whole, applied all-or-nothing, with lineage. */
@NullMarked
package com.performanceos.ledger.imports;

import org.jspecify.annotations.NullMarked;
