package com.performanceos.tenders.procurement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.Money;
import com.performanceos.tenders.organisations.OrganisationKind;

/**
 * A tender as stored (the schema's {@code Tender}; its lots are loaded in batches).
 *
 * @param key the primary key
 * @param reference unique within the buyer's tenant
 * @param title the title
 * @param description the needs
 * @param nature works, supplies or services
 * @param procedure the award procedure
 * @param cpvCodes the CPV codes, main first
 * @param estimatedValue the sum of the lots' values, excluding VAT
 * @param department where it is performed
 * @param electronicSubmission whether bids are submitted electronically
 * @param urgency whether urgency is invoked
 * @param priorInformationNotice whether a prior information notice was published
 * @param submissionDeadline the deadline for bids
 * @param buyerSiret the buyer's SIRET
 * @param buyerName the buyer's name
 * @param buyerKind the buyer's kind, which decides its EU thresholds
 * @param createdBy the author's subject
 * @param publishedAt when published, or null for a draft
 */
public record Tender(UUID key, String reference, String title, String description, TenderNature nature, TenderProcedure procedure,
		List<CpvCode> cpvCodes, Money estimatedValue, String department, boolean electronicSubmission, boolean urgency,
		boolean priorInformationNotice, Instant submissionDeadline, String buyerSiret, String buyerName, OrganisationKind buyerKind,
		String createdBy, @Nullable Instant publishedAt) {

	/** The schema type name, which global ids of tenders carry. */
	public static final String TYPE_NAME = "Tender";

	/** The global id of the {@code Node} interface. */
	public String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

}
