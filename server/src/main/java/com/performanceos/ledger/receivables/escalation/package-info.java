/** Escalation rules on overdue invoices: tasks for owners, signed webhook notifications retried until delivered, audit. */
@NullMarked
package com.performanceos.ledger.receivables.escalation;

import org.jspecify.annotations.NullMarked;
