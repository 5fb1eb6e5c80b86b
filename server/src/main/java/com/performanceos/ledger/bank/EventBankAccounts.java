package com.performanceos.ledger.bank;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.security.Viewer;

/**
 * The bank account of one {@code cashPositionChanged} event, read once per server instance for all
 * the tenant's subscribers it has, instead of once per subscriber: with a hundred subscribers of a
 * tenant, every webhook cost a hundred database transactions (and IBAN decryptions) for the same
 * row (bench/README.md, subscription fan-out). The key holds the tenant and the event, the read runs
 * in that tenant's transaction under row-level security, and what depends on the subscriber (IBAN
 * masking, its audit record, field rules) is still decided per subscriber when its fields resolve.
 */
@Component
class EventBankAccounts {

	/** Events remembered: a burst of webhooks reaches every subscriber well within {@link #KEPT_FOR}. */
	private static final int EVENTS_MAX = 10_000;

	/** How long one event's account is kept for the subscribers still resolving it. */
	private static final Duration KEPT_FOR = Duration.ofSeconds(30);

	private final BankAccountService bankAccounts;

	private final Cache<EventKey, Mono<Optional<BankAccount>>> byEvent = Caffeine.newBuilder()
		.maximumSize(EVENTS_MAX)
		.expireAfterWrite(KEPT_FOR)
		.build();

	EventBankAccounts(BankAccountService bankAccounts) {
		this.bankAccounts = bankAccounts;
	}

	/** The event's bank account as the viewer's tenant sees it; empty when it cannot see it. */
	Mono<BankAccount> of(Viewer viewer, UUID eventId, UUID bankAccountKey) {
		EventKey key = new EventKey(viewer.tenant(), eventId, bankAccountKey);
		// A failed read is not kept: the next subscriber tries again.
		return byEvent.get(key, absent -> bankAccounts.load(viewer, List.of(bankAccountKey))
			.map(found -> Optional.ofNullable(found.get(bankAccountKey)))
			.cache(found -> KEPT_FOR, failure -> Duration.ZERO, () -> KEPT_FOR))
			.flatMap(Mono::justOrEmpty);
	}

	private record EventKey(String tenant, UUID eventId, UUID bankAccountKey) {
	}

}
