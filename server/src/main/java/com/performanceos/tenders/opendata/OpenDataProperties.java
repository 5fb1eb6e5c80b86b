package com.performanceos.tenders.opendata;

import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the open-data exports.
 *
 * @param ocidPrefix the publisher's OCDS prefix (registered with the Open Contracting Partnership, e.g. {@code ocds-213czf});
 *        every ocid is this prefix, a dash and the tender's id
 * @param maxRecords the most contracts one export may hold: the file is written to disk before it is sent (its digest is
 *        audited first), so this bounds the disk space of one export
 * @param fetchSize rows fetched from PostgreSQL per round trip while streaming (1 to 10,000)
 */
@ConfigurationProperties("performanceos.tenders.open-data")
record OpenDataProperties(@DefaultValue("ocds-pos000") String ocidPrefix, @DefaultValue("1000000") long maxRecords,
		@DefaultValue("500") int fetchSize) {

	/** OCDS prefixes are {@code ocds-} and six lower-case letters or digits. */
	private static final Pattern OCID_PREFIX = Pattern.compile("ocds-[a-z0-9]{6}");

	static final int FETCH_SIZE_MAX = 10_000;

	OpenDataProperties {
		if (!OCID_PREFIX.matcher(ocidPrefix).matches()) {
			throw new IllegalArgumentException("performanceos.tenders.open-data.ocid-prefix must be ocds- and six lower-case letters or digits, got "
					+ ocidPrefix);
		}
		if (maxRecords < 1) {
			throw new IllegalArgumentException("performanceos.tenders.open-data.max-records must be positive, got " + maxRecords);
		}
		if (fetchSize < 1 || fetchSize > FETCH_SIZE_MAX) {
			throw new IllegalArgumentException("performanceos.tenders.open-data.fetch-size must be between 1 and " + FETCH_SIZE_MAX + ", got "
					+ fetchSize);
		}
	}

}
