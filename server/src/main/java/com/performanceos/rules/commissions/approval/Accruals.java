package com.performanceos.rules.commissions.approval;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.accounts.Account;
import com.performanceos.ledger.accounts.AccountDirectory;
import com.performanceos.ledger.dimensions.DimensionValueInput;
import com.performanceos.ledger.journal.EntrySide;
import com.performanceos.ledger.journal.JournalDraft;
import com.performanceos.ledger.journal.JournalPosting;
import com.performanceos.ledger.journal.JournalProblem;
import com.performanceos.platform.graphql.Money;
import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.rules.commissions.runs.RunFacts;

/**
 * The accrual entries of an approved run, through the ledger's published posting API: per rep paid anything, a debit of
 * commission expense and a credit of accrued commissions, both carrying the rep as a dimension value, dated the last
 * day of the run's period. Each entry names the run and its digest (lineage) and is tagged with the run's key as its
 * batch. A reversal posts the same lines on the opposite sides, dated the day of the reversal (the accrual's period
 * may be closed by then; the reversal belongs where the cancellation happened).
 */
@Component
class Accruals {

	/** Reps per entry: two lines each, within the journal's {@link JournalDraft#LINES_MAX}. */
	static final int REPS_PER_ENTRY = JournalDraft.LINES_MAX / 2;

	/** The most accounts read to resolve the two configured codes. */
	private static final int ACCOUNTS_MAX = 100_000;

	private final JournalPosting posting;

	private final AccountDirectory accounts;

	private final ApprovalProperties settings;

	Accruals(JournalPosting posting, AccountDirectory accounts, ApprovalProperties settings) {
		this.posting = posting;
		this.accounts = accounts;
		this.settings = settings;
	}

	/** The outcome of a posting: the entries' keys, or why the ledger refused them. */
	sealed interface Posted {

		record Entries(List<UUID> keys) implements Posted {
		}

		record Refused(String message) implements Posted {
		}

	}

	/** Posts the run's accruals ({@code reversing}: their reversal, dated {@code day}). */
	Mono<Posted> post(TenantTransaction tx, RunFacts.Summary run, boolean reversing, LocalDate day) {
		List<Map.Entry<String, BigDecimal>> paid = run.payableByRep().entrySet().stream().filter(entry -> entry.getValue().signum() > 0).toList();
		if (paid.isEmpty()) {
			return Mono.just(new Posted.Entries(List.of()));
		}
		return accounts.byCode(tx, ACCOUNTS_MAX).flatMap(byCode -> {
			Account expense = byCode.get(settings.expenseAccount());
			Account liability = byCode.get(settings.liabilityAccount());
			if (expense == null || liability == null) {
				return Mono.just((Posted) new Posted.Refused("The ledger has no account " + (expense == null ? settings.expenseAccount()
						: settings.liabilityAccount()) + " (performanceos.commissions.approval.expense-account and liability-account)"));
			}
			return posting.post(tx, drafts(run, paid, expense.key(), liability.key(), reversing, day), run.key())
				.map(keys -> (Posted) new Posted.Entries(keys))
				.onErrorResume(JournalPosting.Rejected.class, rejected -> Mono.just(new Posted.Refused("The ledger refused the "
						+ (reversing ? "reversal" : "accrual") + ": " + rejected.problems().stream().map(JournalProblem::message).distinct()
							.limit(5).collect(Collectors.joining("; ")))));
		});
	}

	private List<JournalDraft> drafts(RunFacts.Summary run, List<Map.Entry<String, BigDecimal>> paid, UUID expense, UUID liability,
			boolean reversing, LocalDate day) {
		Currency currency = Currency.getInstance(run.currency() == null ? "EUR" : run.currency());
		EntrySide expenseSide = reversing ? EntrySide.CREDIT : EntrySide.DEBIT;
		EntrySide liabilitySide = reversing ? EntrySide.DEBIT : EntrySide.CREDIT;
		String lineage = "run " + run.id() + " (" + run.period() + "), digest " + run.digest();
		List<JournalDraft> drafts = new ArrayList<>();
		for (int from = 0; from < paid.size(); from += REPS_PER_ENTRY) {
			List<JournalDraft.Line> lines = new ArrayList<>();
			for (Map.Entry<String, BigDecimal> rep : paid.subList(from, Math.min(paid.size(), from + REPS_PER_ENTRY))) {
				List<DimensionValueInput> dimension = List.of(new DimensionValueInput(settings.repDimension(), rep.getKey()));
				Money amount = new Money(rep.getValue(), currency);
				String memo = "Commission of " + rep.getKey();
				lines.add(new JournalDraft.Line(expense, expenseSide, amount, memo, dimension));
				lines.add(new JournalDraft.Line(liability, liabilitySide, amount, memo, dimension));
			}
			drafts.add(new JournalDraft(day, (reversing ? "Reversal of the commission accrual of " : "Commission accrual of ") + lineage,
					(reversing ? "commission-reversal:" : "commission-accrual:") + run.key(), lines));
		}
		return drafts;
	}

}
