package com.performanceos.ledger.accounts;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.security.Viewer;

/** Looks accounts up by key for the rest of the ledger (journal lines, balances). */
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

	/** The GraphQL type name of accounts, for decoding their global ids. */
	public static String typeName() {
		return Account.TYPE_NAME;
	}

}
