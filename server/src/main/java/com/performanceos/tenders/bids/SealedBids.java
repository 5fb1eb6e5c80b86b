package com.performanceos.tenders.bids;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.tenders.procurement.TenderDirectory.LotFacts;

/** The buyer's way to the bids of a lot: opened only once the deadline has passed. */
@Component
public final class SealedBids {

	/** Bids a lot can receive: one per vendor, and more vendors than any real procurement has. */
	static final int BIDS_PER_LOT_MAX = 1_000;

	private final BidKeys keys;

	SealedBids(BidKeys keys) {
		this.keys = keys;
	}

	/**
	 * Opens the submitted bids of a lot of the transaction's tenant: empty while the deadline has not
	 * passed (the tender's private key is not released and the rows are not even visible).
	 */
	public Mono<Optional<List<OpenedBid>>> open(TenantTransaction tx, LotFacts lot) {
		return keys.release(tx, lot.tenderKey(), lot.deadline())
			.flatMap(privateKey -> tx.db().sql("SELECT id, sealed_content, receipt_sha256 FROM tenders_bid WHERE lot_id = :lot "
					+ "AND buyer_tenant_id = current_tenant() AND status = 'SUBMITTED' ORDER BY submitted_at, id LIMIT :limit")
				.bind("lot", lot.lotKey())
				.bind("limit", BIDS_PER_LOT_MAX)
				.map(row -> {
					UUID bid = row.get("id", UUID.class);
					BidContent content = BidContent.parse(keys.open(privateKey, bid.toString(), row.get("sealed_content", String.class)));
					String receipt = row.get("receipt_sha256", String.class);
					if (!content.sha256().equals(receipt) || !content.bidKey().equals(bid)) {
						throw new IllegalStateException("Bid " + bid + " does not match its receipt: altered at rest");
					}
					return new OpenedBid(content, receipt);
				})
				.all()
				.collectList()
				.map(Optional::of))
			.defaultIfEmpty(Optional.empty());
	}

}
