package com.performanceos.tenders.contracts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.Money;
import com.performanceos.tenders.procurement.TenderNature;
import com.performanceos.tenders.procurement.TenderProcedure;

/**
 * A signed contract with the facts the open data publish, as they were at signature.
 *
 * @param key the primary key
 * @param lotKey the awarded lot
 * @param tenderKey its tender
 * @param tenderReference the buyer's reference of the tender
 * @param lotNumber the lot's number
 * @param lotCount how many lots the tender has (a one-lot tender's contract is named by the reference alone)
 * @param object the object: the tender's title, and the lot's when there are several
 * @param description the tender's description of the needs
 * @param nature works, supplies or services
 * @param procedure the award procedure
 * @param cpvCode the main CPV code
 * @param department where it is performed
 * @param buyerSiret the buyer's SIRET
 * @param buyerName the buyer's name
 * @param holderSiret the holder's SIRET
 * @param holderName the holder's name
 * @param holderSme whether the holder is an SME
 * @param amount the price excluding VAT, in euros
 * @param offersReceived the number of offers opened on the lot
 * @param awardNotifiedOn the day the award was notified
 * @param notifiedOn the day the signed contract was notified to the holder
 * @param durationMonths the duration in months
 * @param priceForm how the price is set
 * @param amendments its amendments in notification order; the facts above stay as signed
 */
public record Contract(UUID key, UUID lotKey, UUID tenderKey, String tenderReference, int lotNumber, int lotCount, String object,
		String description, TenderNature nature, TenderProcedure procedure, String cpvCode, String department, String buyerSiret,
		String buyerName, String holderSiret, String holderName, boolean holderSme, BigDecimal amount, int offersReceived,
		LocalDate awardNotifiedOn, LocalDate notifiedOn, int durationMonths, PriceForm priceForm, List<Amendment> amendments) {

	private static final Currency EURO = Currency.getInstance("EUR");

	public Contract {
		amendments = List.copyOf(amendments);
	}

	/** The schema type name, which global ids of contracts carry. */
	public static final String TYPE_NAME = "Contract";

	/** The global id of the {@code Node} interface. */
	public String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

	/** The price in force: the last amendment's new amount, else the signed one. */
	public BigDecimal currentAmount() {
		return amendments.reversed().stream().map(Amendment::amount).filter(Objects::nonNull).findFirst().orElse(amount);
	}

	/** The duration in force, in months: the last amendment's new duration, else the signed one. */
	public int currentDurationMonths() {
		return amendments.reversed().stream().map(Amendment::durationMonths).filter(Objects::nonNull).findFirst().orElse(durationMonths);
	}

	/** The holders' SIRETs in force: the last amendment's new holders, else the signed holder. */
	public List<String> currentHolderSirets() {
		return amendments.reversed().stream().map(Amendment::holderSirets).filter(sirets -> !sirets.isEmpty()).findFirst()
			.orElse(List.of(holderSiret));
	}

	/** The price as the schema's {@code Money}. */
	public Money price() {
		return new Money(amount, EURO);
	}

	/**
	 * The identifier published as open data: the tender's reference, followed by the lot number when the tender
	 * has several lots. DECP limits it to 16 characters; a longer one is refused by the export's validation.
	 */
	public String openDataId() {
		return lotCount == 1 ? tenderReference : tenderReference + "-" + lotNumber;
	}

}
