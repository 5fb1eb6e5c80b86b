package com.performanceos.tenders.procurement;

import java.util.UUID;

import reactor.core.publisher.Mono;

import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * Makes the key pair a tender's bids are sealed with when the tender is published: a port the
 * bids implement. The bids depend on the procurement (a bid is for a lot of a tender), so
 * publishing reaches the bids' keys only through this interface and the two packages form no cycle.
 */
public interface BidSealingKeys {

	/** Makes the tender's key pair, stores the private half sealed, and answers the public half (base64 X.509). */
	Mono<String> create(TenantTransaction tx, UUID tenderKey);

}
