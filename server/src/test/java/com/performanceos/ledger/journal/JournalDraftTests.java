package com.performanceos.ledger.journal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.performanceos.platform.graphql.Money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class JournalDraftTests {

	private static final Currency EUR = Currency.getInstance("EUR");

	private static final Currency USD = Currency.getInstance("USD");

	private static final UUID BANK = UUID.randomUUID();

	private static final UUID SALES = UUID.randomUUID();

	@Test
	void acceptsAnEntryWhoseDebitsEqualItsCreditsInEveryCurrency() {
		JournalDraft draft = draft(line(BANK, EntrySide.DEBIT, "10.00", EUR), line(SALES, EntrySide.CREDIT, "10", EUR),
				line(BANK, EntrySide.DEBIT, "3", USD), line(SALES, EntrySide.CREDIT, "3.000", USD));

		assertThat(draft.problems()).isEmpty();
	}

	@Test
	void rejectsUnbalancedEntryOncePerCurrencyAsATypedProblemOfTheLines() {
		JournalDraft draft = draft(line(BANK, EntrySide.DEBIT, "10.00", EUR), line(SALES, EntrySide.CREDIT, "9.99", EUR),
				line(BANK, EntrySide.DEBIT, "3", USD), line(SALES, EntrySide.CREDIT, "3", USD));

		assertThat(draft.problems()).singleElement().satisfies(problem -> {
			assertThat(problem.code()).isEqualTo(JournalErrorCode.UNBALANCED_ENTRY);
			assertThat(problem.lineIndex()).isEqualTo(JournalProblem.ENTRY);
			assertThat(problem.field()).isEqualTo(JournalProblem.Field.LINES);
			assertThat(problem.message()).contains("0.01 EUR");
		});
	}

	@Test
	void rejectsAnEntryOfOneLineBeforeLookingAtItsLines() {
		JournalDraft draft = draft(line(BANK, EntrySide.DEBIT, "-1", EUR));

		assertThat(draft.problems()).extracting(JournalProblem::field).containsExactly(JournalProblem.Field.LINES);
		assertThat(draft.problems()).extracting(JournalProblem::code).containsExactly(JournalErrorCode.INVALID_INPUT);
	}

	@Test
	void namesTheLineAndFieldOfALineProblemAndSkipsTheBalanceThen() {
		JournalDraft draft = draft(line(BANK, EntrySide.DEBIT, "10", EUR), line(SALES, EntrySide.CREDIT, "0", EUR));

		assertThat(draft.problems()).singleElement().satisfies(problem -> {
			assertThat(problem.lineIndex()).isEqualTo(1);
			assertThat(problem.field()).isEqualTo(JournalProblem.Field.AMOUNT);
		});
	}

	@Test
	void reversalOfAReversalAndSecondReversalAreRefusedByTheEntry() {
		JournalEntry posted = posted(null);
		JournalEntry reversal = posted(UUID.randomUUID());

		assertThat(reversal.reverse("mistake", null, false)).isInstanceOf(JournalEntry.Reversal.Refused.class);
		assertThat(posted.reverse("mistake", null, true)).isInstanceOf(JournalEntry.Reversal.Refused.class);
		assertThat(posted.reverse(" mistake ", null, false)).isInstanceOfSatisfying(JournalEntry.Reversal.Allowed.class, allowed -> {
			assertThat(allowed.entry().description()).isEqualTo("Reversal: mistake");
			assertThat(allowed.entry().effectiveDate()).isEqualTo(posted.effectiveDate());
			assertThat(allowed.entry().lines()).extracting(JournalEntry.PostingLine::side).containsExactly(EntrySide.CREDIT, EntrySide.DEBIT);
		});
	}

	@Test
	void writePathRefusesAnUnbalancedEntryWhateverCheckedItBefore() {
		JournalStore.NewEntry unbalanced = new JournalStore.NewEntry(UUID.randomUUID(), null, "bug", LocalDate.of(2026, 1, 5), null, List.of(
				new JournalEntry.PostingLine(BANK, EntrySide.DEBIT, new Money(BigDecimal.TEN, EUR), null, List.of()),
				new JournalEntry.PostingLine(SALES, EntrySide.CREDIT, new Money(BigDecimal.ONE, EUR), null, List.of())));

		assertThatIllegalStateException().isThrownBy(() -> JournalStore.assertBalanced(unbalanced));
	}

	private static JournalEntry posted(UUID reversalOf) {
		return new JournalEntry(UUID.randomUUID(), 1, "INV-1", "Sale", LocalDate.of(2026, 1, 5), Instant.now(), reversalOf, List.of(
				new JournalEntry.Line(1, BANK, EntrySide.DEBIT, new Money(BigDecimal.TEN, EUR), null),
				new JournalEntry.Line(2, SALES, EntrySide.CREDIT, new Money(BigDecimal.TEN, EUR), null)));
	}

	private static JournalDraft draft(JournalDraft.Line... lines) {
		return new JournalDraft(LocalDate.of(2026, 1, 5), "Sale", "INV-1", List.of(lines));
	}

	private static JournalDraft.Line line(UUID account, EntrySide side, String amount, Currency currency) {
		return new JournalDraft.Line(account, side, new Money(new BigDecimal(amount), currency), null);
	}

}
