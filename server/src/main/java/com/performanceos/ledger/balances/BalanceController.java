package com.performanceos.ledger.balances;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.accounts.AccountDirectory;
import com.performanceos.ledger.dimensions.DimensionCatalog;
import com.performanceos.ledger.dimensions.DimensionValue;
import com.performanceos.ledger.dimensions.DimensionValueInput;
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.graphql.Money;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;

/**
 * {@code accountBalances}: one aggregate query over the page's accounts, filtered on both time
 * axes, so a back-dated entry posted after {@code knownAt} does not change what was known then,
 * and optionally on a dimension slice (lines carrying every given value).
 */
@Controller
class BalanceController {

	private final TenantDatabase database;

	private final AccountDirectory accounts;

	BalanceController(TenantDatabase database, AccountDirectory accounts) {
		this.database = database;
		this.accounts = accounts;
	}

	@QueryMapping
	Mono<Connection<AccountBalance>> accountBalances(@Argument LocalDate asOf, @Argument @Nullable OffsetDateTime knownAt,
			@Argument @Nullable Integer first, @Argument @Nullable String after, @Argument @Nullable Integer last,
			@Argument @Nullable String before, @Argument @Nullable List<DimensionValueInput> slice,
			@ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
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
		String comparison = page.forward() ? ">" : "<";
		String order = page.forward() ? "ASC" : "DESC";
		String where = page.cursorKey() != null ? " WHERE a.code " + comparison + " :cursor" : "";
		return database.inTransaction(viewer.tenant(), db -> DimensionCatalog.resolve(db, sliceValues).flatMap(resolved -> {
			UUID[] sliceMembers = members(sliceValues, resolved);
			// The primary key holds one value per dimension per line, so a line is in the slice
			// exactly when as many of its values match as the slice has.
			String sliceCondition = sliceMembers.length == 0 ? "" : """

					       AND (SELECT count(*) FROM ledger_journal_line_dimension v WHERE v.entry_id = l.entry_id
					            AND v.line_number = l.line_number AND v.member_id = ANY(:sliceMembers)) = :sliceSize""";
			var select = db.sql("""
					SELECT a.id, a.code, a.currency,
					       coalesce(sum(l.amount) FILTER (WHERE l.side = 'DEBIT'), 0) AS debit,
					       coalesce(sum(l.amount) FILTER (WHERE l.side = 'CREDIT'), 0) AS credit,
					       count(l.amount) AS lines
					FROM ledger_account a
					LEFT JOIN ledger_journal_line l
					       ON l.account_id = a.id AND l.effective_date <= :asOf AND date_trunc('milliseconds', l.posted_at) <= :knownAt""" + sliceCondition
					+ where + """

					GROUP BY a.id, a.code, a.currency""" + " ORDER BY a.code " + order + " LIMIT :limit")
				.bind("asOf", asOf)
				.bind("knownAt", systemTime)
				.bind("limit", page.size() + 1);
			if (page.cursorKey() != null) {
				select = select.bind("cursor", page.cursorKey());
			}
			if (sliceMembers.length > 0) {
				select = select.bind("sliceMembers", sliceMembers).bind("sliceSize", (long) sliceMembers.length);
			}
			Mono<List<Row>> rows = select.map(row -> new Row(row.get("id", UUID.class), row.get("code", String.class),
					Currency.getInstance(row.get("currency", String.class)), row.get("debit", BigDecimal.class),
					row.get("credit", BigDecimal.class), row.get("lines", Long.class).intValue())).all().collectList();
			Mono<Long> total = db.sql("SELECT count(*) AS total FROM ledger_account").map(row -> row.get("total", Long.class)).one();
			return rows.zipWith(total);
		})).flatMap(loaded -> accounts.load(viewer, loaded.getT1().stream().map(Row::accountKey).toList()).map(found -> {
			List<AccountBalance> balances = loaded.getT1().stream()
				.map(row -> new AccountBalance(found.get(row.accountKey()), new Money(row.debit(), row.currency()),
						new Money(row.credit(), row.currency()), new Money(row.debit().subtract(row.credit()), row.currency()),
						row.lines()))
				.toList();
			return Connection.fromKeyset(page, balances, balance -> balance.account().code(), loaded.getT2().intValue());
		}));
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

	private record Row(UUID accountKey, String code, Currency currency, BigDecimal debit, BigDecimal credit, int lines) {
	}

}
