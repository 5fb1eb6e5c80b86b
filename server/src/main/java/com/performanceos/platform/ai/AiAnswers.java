package com.performanceos.platform.ai;

import java.util.UUID;

import reactor.core.publisher.Mono;

import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * What a feature does with the answer to one of its queued requests, in the transaction that marks the request done:
 * the answer is applied exactly once, or not at all and the request stays queued. One bean per purpose.
 */
public interface AiAnswers {

	/** The purpose the feature's requests are queued under, e.g. {@code rules.plan}. */
	String purpose();

	/** Applies the answer to {@code subjectKey} (what the request was queued for). */
	Mono<Void> answered(TenantTransaction tx, UUID subjectKey, AiAnswer answer);

}
