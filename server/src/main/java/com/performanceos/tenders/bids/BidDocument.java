package com.performanceos.tenders.bids;

/**
 * A document of a bid, by name and digest (the schema's {@code BidDocument}); the bytes stay with the vendor's
 * document store, the digest proves which ones were submitted.
 *
 * @param name the file name
 * @param sha256 the lower-case hex SHA-256 of the file
 */
public record BidDocument(String name, String sha256) {
}
