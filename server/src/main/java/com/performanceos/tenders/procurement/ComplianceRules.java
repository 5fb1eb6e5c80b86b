package com.performanceos.tenders.procurement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.reference.ReferenceValue;
import com.performanceos.tenders.organisations.OrganisationKind;

/**
 * The publication checks of a tender. The values (thresholds, time limits) are reference data in force
 * on the publication date, never constants here: a decree changes a row, not this class. What stays in
 * code is which value applies to which tender and how it is compared.
 *
 * <p>Only the open procedure's minimum time limit is modelled among the formal procedures' limits; the
 * restricted and negotiated procedures have two-stage limits that are not checked yet.
 */
final class ComplianceRules {

	/** Dates and deadlines are French legal days. */
	static final ZoneId LEGAL_ZONE = ZoneId.of("Europe/Paris");

	static final String NO_PROCEDURE = "procurement.no-procedure-threshold";

	static final String EU_THRESHOLD = "procurement.eu-threshold";

	static final String MINIMUM_TIME_LIMIT = "procurement.minimum-time-limit";

	static final String DEADLINE_AFTER_PUBLICATION = "procurement.deadline-after-publication";

	private static final String OPEN_DAYS = "procurement.open-procedure-minimum-days";

	private static final String OPEN_DAYS_ELECTRONIC = OPEN_DAYS + ".electronic";

	private static final String OPEN_DAYS_SHORTENED = OPEN_DAYS + ".urgency-or-prior-notice";

	private static final Set<TenderProcedure> BELOW_EU_PROCEDURES = Set.of(TenderProcedure.NONE, TenderProcedure.MAPA);

	private ComplianceRules() {
	}

	/** The reference keys a tender's checks read. */
	static List<String> keys(Tender tender) {
		return List.of(noProcedureKey(tender), euThresholdKey(tender), OPEN_DAYS, OPEN_DAYS_ELECTRONIC, OPEN_DAYS_SHORTENED);
	}

	static ComplianceReport check(Tender tender, LocalDate publicationDate, Map<String, ReferenceValue> values) {
		List<ComplianceCheck> checks = new ArrayList<>();
		BigDecimal estimated = tender.estimatedValue().amount();
		checks.add(noProcedure(tender, estimated, publicationDate, values.get(noProcedureKey(tender))));
		ReferenceValue eu = values.get(euThresholdKey(tender));
		checks.add(euThreshold(tender, estimated, publicationDate, eu));
		checks.add(minimumTimeLimit(tender, estimated, publicationDate, eu, values));
		long days = daysToDeadline(tender, publicationDate);
		// Below the EU thresholds the law asks only for a reasonable time, judged by the buyer; what is checked here is
		// that the deadline does not precede the publication (publishTender also refuses a deadline already past).
		checks.add(new ComplianceCheck(DEADLINE_AFTER_PUBLICATION, days >= 0, "The submission deadline is " + days
				+ " day(s) after the publication date " + publicationDate, null, null));
		return new ComplianceReport(tender, publicationDate, List.copyOf(checks));
	}

	private static ComplianceCheck noProcedure(Tender tender, BigDecimal estimated, LocalDate day, @Nullable ReferenceValue threshold) {
		if (threshold == null) {
			return missing(NO_PROCEDURE, noProcedureKey(tender), day);
		}
		boolean below = estimated.compareTo(threshold.value()) < 0;
		String comparison = "The estimated value " + estimated.toPlainString() + " EUR excl. VAT is " + (below ? "below" : "not below")
				+ " the no-procedure threshold of " + threshold.value().toPlainString() + " EUR for " + tender.nature() + " in force on " + day;
		if (tender.procedure() != TenderProcedure.NONE) {
			return new ComplianceCheck(NO_PROCEDURE, true, comparison + "; the procedure " + tender.procedure() + " is used",
					threshold.value(), threshold.source());
		}
		return new ComplianceCheck(NO_PROCEDURE, below, comparison + (below ? ": no procedure is needed" : ": a procedure is required"),
				threshold.value(), threshold.source());
	}

	private static ComplianceCheck euThreshold(Tender tender, BigDecimal estimated, LocalDate day, @Nullable ReferenceValue threshold) {
		if (threshold == null) {
			return missing(EU_THRESHOLD, euThresholdKey(tender), day);
		}
		boolean above = estimated.compareTo(threshold.value()) >= 0;
		boolean passed = !above || !BELOW_EU_PROCEDURES.contains(tender.procedure());
		String explanation = "The estimated value " + estimated.toPlainString() + " EUR excl. VAT is " + (above ? "at or above" : "below")
				+ " the EU threshold of " + threshold.value().toPlainString() + " EUR (" + euThresholdKey(tender) + ") in force on " + day
				+ (passed ? "; the procedure " + tender.procedure() + " is allowed" : ": a formal procedure is required, not " + tender.procedure());
		return new ComplianceCheck(EU_THRESHOLD, passed, explanation, threshold.value(), threshold.source());
	}

	private static ComplianceCheck minimumTimeLimit(Tender tender, BigDecimal estimated, LocalDate day, @Nullable ReferenceValue eu,
			Map<String, ReferenceValue> values) {
		if (tender.procedure() != TenderProcedure.OPEN || eu == null || estimated.compareTo(eu.value()) < 0) {
			return new ComplianceCheck(MINIMUM_TIME_LIMIT, true,
					"The minimum time limit applies to open procedures at or above the EU threshold; this tender is not one", null, null);
		}
		String key = tender.urgency() || tender.priorInformationNotice() ? OPEN_DAYS_SHORTENED
				: tender.electronicSubmission() ? OPEN_DAYS_ELECTRONIC : OPEN_DAYS;
		ReferenceValue minimum = values.get(key);
		if (minimum == null) {
			return missing(MINIMUM_TIME_LIMIT, key, day);
		}
		long days = daysToDeadline(tender, day);
		boolean passed = days >= minimum.value().longValueExact();
		return new ComplianceCheck(MINIMUM_TIME_LIMIT, passed, "The deadline is " + days + " day(s) after publication on " + day
				+ "; the open procedure needs at least " + minimum.value().toPlainString() + " (" + key + ")", minimum.value(), minimum.source());
	}

	private static ComplianceCheck missing(String rule, String key, LocalDate day) {
		return new ComplianceCheck(rule, false, "No value of " + key + " is in force on " + day + ": the tender cannot be checked", null, null);
	}

	static long daysToDeadline(Tender tender, LocalDate publicationDate) {
		return ChronoUnit.DAYS.between(publicationDate, tender.submissionDeadline().atZone(LEGAL_ZONE).toLocalDate());
	}

	private static String noProcedureKey(Tender tender) {
		return NO_PROCEDURE + "." + tender.nature().name().toLowerCase(Locale.ROOT);
	}

	/** Works have one EU threshold; supplies and services depend on who buys. */
	private static String euThresholdKey(Tender tender) {
		if (tender.nature() == TenderNature.WORKS) {
			return EU_THRESHOLD + ".works";
		}
		OrganisationKind buyer = tender.buyerKind();
		return EU_THRESHOLD + switch (buyer) {
			case CENTRAL_GOVERNMENT -> ".central-government";
			case UTILITY -> ".utilities";
			default -> ".local-authorities";
		};
	}

}
