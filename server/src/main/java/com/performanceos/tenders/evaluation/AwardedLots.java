package com.performanceos.tenders.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What the other tenders packages (contracts) may know of a notified award, inside the buyer's own tenant
 * transaction: the awardee, its price, the number of offers received and the standstill.
 */
@Component
public final class AwardedLots {

	/**
	 * A lot's notified award.
	 *
	 * @param lotKey the lot
	 * @param holderSiret the awardee's SIRET
	 * @param holderName the awardee's name
	 * @param holderSme whether the awardee is an SME
	 * @param amount the awarded price excluding VAT, in euros
	 * @param offersReceived every offer opened on the lot, abnormally low and rejected ones included (as DECP counts them)
	 * @param notifiedOn the day the award was notified
	 * @param standstillEndsOn the first day the contract may be signed, null without standstill
	 */
	public record AwardedLot(UUID lotKey, String holderSiret, String holderName, boolean holderSme, BigDecimal amount, int offersReceived,
			LocalDate notifiedOn, @Nullable LocalDate standstillEndsOn) {
	}

	/** The notified award of a lot of the transaction's own tenant; empty when not notified (or not the caller's). */
	public Mono<AwardedLot> awarded(DatabaseClient db, UUID lotKey) {
		return db.sql("SELECT a.lot_id, o.vendor_siret, o.vendor_name, o.vendor_sme, o.amount, a.notified_on, a.standstill_ends_on, "
				+ "(SELECT count(*) FROM tenders_offer x WHERE x.lot_id = a.lot_id) AS offers FROM tenders_award a "
				+ "JOIN tenders_offer o ON o.id = a.offer_id WHERE a.lot_id = :lot AND a.tenant_id = current_tenant()")
			.bind("lot", lotKey)
			.map(row -> new AwardedLot(row.get("lot_id", UUID.class), row.get("vendor_siret", String.class), row.get("vendor_name", String.class),
					Boolean.TRUE.equals(row.get("vendor_sme", Boolean.class)), row.get("amount", BigDecimal.class),
					row.get("offers", Long.class).intValue(), row.get("notified_on", LocalDate.class), row.get("standstill_ends_on", LocalDate.class)))
			.one();
	}

}
