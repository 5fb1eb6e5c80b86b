package com.performanceos.ledger.balances;

import com.performanceos.ledger.accounts.Account;
import com.performanceos.platform.graphql.Money;

/**
 * Totals of an account's lines at a point in time.
 *
 * @param account the account
 * @param debitTotal sum of debit lines
 * @param creditTotal sum of credit lines
 * @param net debits minus credits
 * @param lineCount lines counted
 */
record AccountBalance(Account account, Money debitTotal, Money creditTotal, Money net, int lineCount) {
}
