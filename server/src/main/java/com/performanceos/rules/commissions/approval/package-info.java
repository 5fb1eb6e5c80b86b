/**
 * The approval workflow of calculation runs: submit, the managers' sign-off for their teams, FINANCE's approval
 * (which posts the accruals to the ledger), payment, return and reversal, with separation of duties and escalation.
 */
@NullMarked
package com.performanceos.rules.commissions.approval;

import org.jspecify.annotations.NullMarked;
