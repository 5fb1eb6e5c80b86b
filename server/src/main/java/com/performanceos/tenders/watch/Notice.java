package com.performanceos.tenders.watch;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.digest.Sha256;

/**
 * A call for tenders as one source published it, before it is stored.
 *
 * @param source where it came from
 * @param sourceId its identifier there (BOAMP {@code idweb}, TED publication number, or the tender's id here)
 * @param title the title (for TED, the French title without its country and CPV label)
 * @param buyerName the buyer's name
 * @param cpvCodes CPV codes, 8 digits, main first
 * @param departments French departments of performance
 * @param value the estimated value excluding VAT in euros, when published
 * @param deadline the deadline for tenders, when published
 * @param url where to read it
 * @param publishedOn the publication day
 */
record Notice(NoticeSource source, String sourceId, String title, String buyerName, List<String> cpvCodes, List<String> departments,
		@Nullable BigDecimal value, @Nullable Instant deadline, @Nullable String url, LocalDate publishedOn) {

	private static final ZoneId LEGAL_ZONE = ZoneId.of("Europe/Paris");

	/**
	 * What makes two sources' notices one call: the buyer, the title and the deadline day, normalised (accents, case,
	 * punctuation). BOAMP and TED publish the same French call with the same buyer name and title; their identifiers
	 * share nothing.
	 */
	String dedupeKey() {
		String day = deadline == null ? "" : deadline.atZone(LEGAL_ZONE).toLocalDate().toString();
		return Sha256.hex(WatchText.normalise(buyerName) + "|" + WatchText.normalise(title) + "|" + day);
	}

}
