package com.performanceos.ledger.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.accounts.AccountDirectory;
import com.performanceos.ledger.journal.EntrySide;
import com.performanceos.ledger.journal.JournalDraft;
import com.performanceos.ledger.journal.JournalPosting;
import com.performanceos.platform.security.Role;
import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * Journal lines: rows grouped into entries by entry reference (an entry's rows must be contiguous),
 * accounts found by pivot account code, amounts as one signed column (positive = debit) or as
 * debit and credit columns. Applied through {@link JournalPosting} in batches within the import's
 * single transaction, each entry tagged with the import and its source rows.
 */
@Component
final class JournalLinesImport implements ImportKindHandler {

	static final int REFERENCE_LENGTH_MAX = 100;

	static final int ACCOUNTS_MAX = 100_000;

	private final JournalPosting posting;

	private final AccountDirectory directory;

	JournalLinesImport(JournalPosting posting, AccountDirectory directory) {
		this.posting = posting;
		this.directory = directory;
	}

	@Override
	public ImportKind kind() {
		return ImportKind.JOURNAL_LINES;
	}

	@Override
	public Set<ImportField> requiredFields() {
		return EnumSet.of(ImportField.ENTRY_REFERENCE, ImportField.EFFECTIVE_DATE, ImportField.ACCOUNT_CODE, ImportField.CURRENCY);
	}

	@Override
	public Set<ImportField> optionalFields() {
		return EnumSet.of(ImportField.AMOUNT, ImportField.DEBIT, ImportField.CREDIT, ImportField.MEMO, ImportField.DESCRIPTION);
	}

	@Override
	public Set<Role> roles() {
		return EnumSet.of(Role.ADMIN, Role.FINANCE);
	}

	@Override
	public @Nullable String checkMapping(Set<ImportField> mapped) {
		boolean signed = mapped.contains(ImportField.AMOUNT);
		boolean sided = mapped.contains(ImportField.DEBIT) || mapped.contains(ImportField.CREDIT);
		if (signed == sided) {
			return "Map either AMOUNT (signed, positive = debit) or DEBIT and CREDIT";
		}
		return null;
	}

	@Override
	public Run begin(ImportContext context) {
		return new JournalRun(context, posting, directory);
	}

	/** An account as the importer needs it. */
	record AccountRef(UUID key, Currency currency) {
	}

	/** One line as read from a row; null parts were reported. */
	record ParsedLine(@Nullable String reference, @Nullable LocalDate date, @Nullable AccountRef account, @Nullable EntrySide side,
			@Nullable BigDecimal amount, @Nullable Currency currency) {

		boolean complete() {
			return reference != null && date != null && account != null && side != null && amount != null && currency != null;
		}

	}

	/** The tenant's accounts by code, from their owner (at most {@link #ACCOUNTS_MAX}). */
	static Mono<Map<String, AccountRef>> accounts(AccountDirectory directory, TenantTransaction tx) {
		return directory.byCode(tx, ACCOUNTS_MAX).map(byCode -> {
			Map<String, AccountRef> refs = new HashMap<>();
			byCode.forEach((code, account) -> refs.put(code, new AccountRef(account.key(), account.currency())));
			return refs;
		});
	}

	/** Net of an entry's lines per currency: zero everywhere when it balances. */
	static Map<Currency, BigDecimal> net(Map<Currency, BigDecimal> net, ParsedLine line) {
		if (line.amount() != null && line.currency() != null && line.side() != null) {
			net.merge(line.currency(), line.side() == EntrySide.DEBIT ? line.amount() : line.amount().negate(), BigDecimal::add);
		}
		return net;
	}

	static Map<Currency, BigDecimal> newNet() {
		return JournalDraft.newNet();
	}

	static Set<String> newReferenceSet() {
		return new HashSet<>();
	}

}
