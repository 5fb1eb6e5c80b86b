package com.performanceos.tenders.bids;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.performanceos.platform.digest.Sha256;

/**
 * What a bid says, in the one canonical text that is sealed, hashed for the receipt and shown to the
 * vendor: a vendor recomputes the receipt's SHA-256 over {@link #canonical()} to prove what it
 * submitted. The random nonce keeps the digest from revealing a guessable amount.
 *
 * @param bidKey the bid
 * @param lotKey the lot bid on
 * @param vendorSiret the vendor's SIRET
 * @param vendorName the vendor's name
 * @param sme whether the vendor is an SME
 * @param amount the price excluding VAT, in euros
 * @param documents the documents by digest
 * @param nonce 32 random hex digits
 * @param submittedAt when the server received it
 */
public record BidContent(UUID bidKey, UUID lotKey, String vendorSiret, String vendorName, boolean sme, BigDecimal amount,
		List<BidDocument> documents, String nonce, Instant submittedAt) {

	private static final String HEADER = "performance-os/bid/v1";

	/** The text sealed and hashed: one {@code key: value} per line, documents in submission order. */
	public String canonical() {
		StringBuilder text = new StringBuilder(HEADER).append('\n');
		line(text, "bid", bidKey.toString());
		line(text, "lot", lotKey.toString());
		line(text, "vendor", vendorSiret);
		line(text, "vendorName", vendorName);
		line(text, "sme", Boolean.toString(sme));
		line(text, "amount", amount.toPlainString() + " EUR");
		documents.forEach(document -> line(text, "document", document.sha256() + " " + document.name()));
		line(text, "nonce", nonce);
		line(text, "submittedAt", submittedAt.toString());
		return text.toString();
	}

	/** The receipt's digest. */
	public String sha256() {
		return Sha256.hex(canonical());
	}

	/** Reads a canonical text back. */
	static BidContent parse(String text) {
		String[] lines = text.split("\n");
		if (lines.length < 9 || !HEADER.equals(lines[0])) {
			throw new IllegalStateException("Not a canonical bid");
		}
		List<BidDocument> documents = new ArrayList<>();
		for (int i = 7; i < lines.length - 2; i++) {
			String document = value(lines[i], "document");
			int space = document.indexOf(' ');
			documents.add(new BidDocument(document.substring(space + 1), document.substring(0, space)));
		}
		String amount = value(lines[6], "amount");
		return new BidContent(UUID.fromString(value(lines[1], "bid")), UUID.fromString(value(lines[2], "lot")), value(lines[3], "vendor"),
				value(lines[4], "vendorName"), Boolean.parseBoolean(value(lines[5], "sme")),
				new BigDecimal(amount.substring(0, amount.length() - " EUR".length())), List.copyOf(documents),
				value(lines[lines.length - 2], "nonce"), Instant.parse(value(lines[lines.length - 1], "submittedAt")));
	}

	private static void line(StringBuilder text, String key, String value) {
		text.append(key).append(": ").append(value).append('\n');
	}

	private static String value(String line, String key) {
		if (!line.startsWith(key + ": ")) {
			throw new IllegalStateException("Not a canonical bid: expected " + key);
		}
		return line.substring(key.length() + 2);
	}

}
