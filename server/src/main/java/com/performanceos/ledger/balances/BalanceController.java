package com.performanceos.ledger.balances;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import graphql.schema.DataFetchingFieldSelectionSet;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.accounts.Account;
import com.performanceos.ledger.accounts.AccountDirectory;
import com.performanceos.ledger.dimensions.DimensionCatalog;
import com.performanceos.ledger.dimensions.DimensionValue;
import com.performanceos.ledger.dimensions.DimensionValueInput;
import com.performanceos.ledger.journal.JournalTotals;
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.graphql.Money;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;

/**
 * {@code accountBalances}: a page of accounts from their owner, then one aggregate query of the
 * journal over the page's accounts, filtered on both time axes, so a back-dated entry posted after {@code knownAt} does not change what was known then,
 * and optionally on a dimension slice (lines carrying every given value).
 */
@Controller
class BalanceController {

	private final TenantDatabase database;

	private static final JournalTotals.Totals NO_LINES = new JournalTotals.Totals(BigDecimal.ZERO, BigDecimal.ZERO, 0);

	private final AccountDirectory accounts;

	private final JournalTotals journal;

	BalanceController(TenantDatabase database, AccountDirectory accounts, JournalTotals journal) {
		this.database = database;
		this.accounts = accounts;
		this.journal = journal;
	}

	@QueryMapping
	Mono<Connection<AccountBalance>> accountBalances(@Argument LocalDate asOf, @Argument @Nullable OffsetDateTime knownAt,
			@Argument @Nullable Integer first, @Argument @Nullable String after, @Argument @Nullable Integer last,
			@Argument @Nullable String before, @Argument @Nullable List<DimensionValueInput> slice,
			DataFetchingFieldSelectionSet selection, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		PageRequest page = PageRequest.of(first, after, last, before);
		OffsetDateTime systemTime = knownAt != null ? knownAt : OffsetDateTime.now(ZoneOffset.UTC);
		if (systemTime.isAfter(OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(1))) {
			return Mono.error(new GraphQlException(ErrorCode.BAD_USER_INPUT, "knownAt cannot be in the future"));
		}
		List<DimensionValueInput> sliceValues = slice == null ? List.of() : slice;
		String sliceProblem = DimensionCatalog.checkShape(sliceValues);
		if (sliceProblem != null) {
			return Mono.error(new GraphQlException(ErrorCode.BAD_USER_INPUT, "slice: " + sliceProblem));
		}
		// Accounts from their owner (a keyset page in code order), totals from the journal, in one transaction.
		return database.run(viewer.tenant(), tx -> DimensionCatalog.resolve(tx.db(), sliceValues)
			.flatMap(resolved -> accounts.page(tx, page, Connection.totalSelected(selection)).flatMap(found -> journal.byAccount(tx,
					found.accounts().stream().map(Account::key).toList(), asOf, systemTime, members(sliceValues, resolved))
				.map(totals -> {
					List<AccountBalance> balances = found.accounts().stream().map(account -> {
						JournalTotals.Totals total = totals.getOrDefault(account.key(), NO_LINES);
						return new AccountBalance(account, new Money(total.debit(), account.currency()),
								new Money(total.credit(), account.currency()), new Money(total.debit().subtract(total.credit()),
										account.currency()), (int) total.lines());
					}).toList();
					return Connection.fromKeyset(page, balances, balance -> balance.account().code(), found.totalCount());
				}))));
	}

	/** The members' keys of the slice; an unknown dimension or member is the caller's mistake. */
	private static UUID[] members(List<DimensionValueInput> slice, Map<DimensionValueInput, DimensionValue> resolved) {
		UUID[] members = new UUID[slice.size()];
		for (int index = 0; index < slice.size(); index++) {
			DimensionValue value = resolved.get(slice.get(index));
			if (value == null) {
				throw new GraphQlException(ErrorCode.BAD_USER_INPUT, "slice[" + index + "]: no member " + slice.get(index).member()
						+ " of dimension " + slice.get(index).dimension());
			}
			members[index] = value.memberKey();
		}
		return members;
	}

}
