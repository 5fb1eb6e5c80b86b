package com.performanceos.tenders.evaluation;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The notified award of a lot and the standstill it starts (the schema's {@code LotAward}).
 *
 * @param offerKey the awarded offer
 * @param notifiedOn the day the award was notified to every bidder
 * @param electronic whether the notification was sent electronically
 * @param standstillDays the standstill in days; null for procedures without one (MAPA, no procedure)
 * @param standstillEndsOn the first day the contract may be signed; null without standstill
 * @param standstillSource the legal source of the standstill
 */
record LotAward(UUID offerKey, LocalDate notifiedOn, boolean electronic, @Nullable Integer standstillDays,
		@Nullable LocalDate standstillEndsOn, @Nullable String standstillSource) {
}
