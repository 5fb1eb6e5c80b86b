package com.performanceos.tenders.procurement;

import java.time.LocalDate;
import java.util.List;

/**
 * The checks of a tender against the rules in force on a publication date (the schema's
 * {@code ComplianceReport}).
 *
 * @param tender the tender checked
 * @param publicationDate the day the rules were taken for
 * @param checks every check, passed or not
 */
public record ComplianceReport(Tender tender, LocalDate publicationDate, List<ComplianceCheck> checks) {

	/** Whether the tender may be published on that day. */
	public boolean compliant() {
		return checks.stream().allMatch(ComplianceCheck::passed);
	}

}
