package com.performanceos.tenders.procurement;

/**
 * A tender was published (its transaction committed): an in-process application event for the market watch, which
 * matches it like a notice from BOAMP or TED. Not an outbox event: the tender itself is the durable record, and a
 * publication missed by a crash between commit and matching is a notice the next watch rebuild does not replay (see
 * ADR 0012).
 *
 * @param tender the published tender
 */
public record TenderPublished(Tender tender) {
}
