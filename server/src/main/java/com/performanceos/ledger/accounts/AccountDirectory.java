package com.performanceos.ledger.accounts;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantTransaction;

/** Looks accounts up for the rest of the ledger (journal lines, bank accounts, rules, imports): the only way others read accounts. */
@Component
public final class AccountDirectory {

	private final AccountService accounts;

	AccountDirectory(AccountService accounts) {
		this.accounts = accounts;
	}

	/** The accounts of the viewer's tenant with these keys; unknown keys are absent. */
	public Mono<Map<UUID, Account>> load(Viewer viewer, Collection<UUID> keys) {
		return accounts.load(viewer, keys);
	}

	/**
	 * The accounts with these keys, read in the caller's open transaction of its tenant (through the
	 * same cache); unknown keys are absent. Other packages check an account's existence or currency
	 * with this, never with SQL of their own.
	 */
	public Mono<Map<UUID, Account>> loadWithin(TenantTransaction tx, Collection<UUID> keys) {
		return accounts.load(tx, keys);
	}

	/** The tenant's accounts by code, at most {@code max} of them in code order (imports and demo data resolve codes with it). */
	public Mono<Map<String, Account>> byCode(TenantTransaction tx, int max) {
		return accounts.byCode(tx, max);
	}

	/**
	 * A keyset page of the tenant's accounts in code order, read in the caller's transaction: the
	 * page's accounts plus one when more follow (for {@code Connection.fromKeyset}, keyed by code),
	 * and their number when {@code counted}, in the same statement.
	 */
	public Mono<Page> page(TenantTransaction tx, PageRequest page, boolean counted) {
		return accounts.page(tx, page, counted);
	}

	/**
	 * Accounts of a keyset page.
	 *
	 * @param accounts the page's accounts, plus one when more follow
	 * @param totalCount how many accounts the tenant has, or {@code Connection.TOTAL_NOT_SELECTED} when not counted
	 */
	public record Page(List<Account> accounts, int totalCount) {
	}

	/** The GraphQL type name of accounts, for decoding their global ids. */
	public static String typeName() {
		return Account.TYPE_NAME;
	}

}
