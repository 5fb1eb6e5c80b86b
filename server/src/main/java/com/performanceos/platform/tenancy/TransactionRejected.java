package com.performanceos.platform.tenancy;

/**
 * Rolls back a tenant transaction for a business reason and carries the answer out of it: throw
 * it inside {@link TenantDatabase#inTransaction}, recover the value with
 * {@code onErrorResume(TransactionRejected.class, rejected -> Mono.just(rejected.answer(Payload.class)))}.
 * Everything the transaction wrote, idempotency claims included, is undone, so a corrected retry
 * with the same key starts afresh.
 */
public final class TransactionRejected extends RuntimeException {

	private final transient Object answer;

	public TransactionRejected(Object answer) {
		super("Rejected for a business reason", null, false, false);
		this.answer = answer;
	}

	public <T> T answer(Class<T> type) {
		return type.cast(answer);
	}

}
