package com.performanceos.tenders.bids;

/**
 * A bid opened after the deadline, for the buyer's evaluation.
 *
 * @param content what the bid says, its digest checked against the stored receipt
 * @param receiptSha256 the receipt the vendor holds
 */
public record OpenedBid(BidContent content, String receiptSha256) {
}
