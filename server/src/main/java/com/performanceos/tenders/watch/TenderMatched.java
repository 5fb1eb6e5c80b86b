package com.performanceos.tenders.watch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.events.EventType;

/**
 * A notice matched one of the tenant's saved searches: published in the search's tenant through the outbox, so the
 * {@code tenderMatched} subscription of every instance delivers it. It carries the public notice as matched, so
 * delivery reads nothing more.
 *
 * @param searchKey the saved search
 * @param searchName its name
 * @param noticeKey the notice
 * @param source where the notice was first seen
 * @param sourceId its identifier there
 * @param title the notice's title
 * @param buyerName the buyer
 * @param cpvCodes its CPV codes
 * @param departments its departments
 * @param value its estimated value excluding VAT in euros, as text, when published
 * @param deadline its deadline, when published
 * @param url where to read it
 * @param publishedOn its publication day
 * @param score the relevance, 0 to 100
 * @param explanation what counted
 */
@EventType("tenders.TenderMatched")
public record TenderMatched(UUID searchKey, String searchName, UUID noticeKey, String source, String sourceId, String title, String buyerName,
		List<String> cpvCodes, List<String> departments, @Nullable String value, @Nullable Instant deadline, @Nullable String url,
		LocalDate publishedOn, int score, String explanation) {
}
