package com.performanceos.tenders.watch;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.graphql.GlobalId;

/**
 * A vendor's saved search; a notice matches when it meets every criterion given.
 *
 * @param key the primary key
 * @param tenant the owner
 * @param name the name
 * @param cpvPrefixes CPV prefixes (2 to 8 digits): a notice code must start with one
 * @param keywords words (normalised): at least one must appear in the notice's title or buyer
 * @param departments departments: the notice must be performed in one
 * @param valueMin the lowest estimated value, when given
 * @param valueMax the highest estimated value, when given
 * @param createdAt when saved
 */
record SavedSearch(UUID key, String tenant, String name, List<String> cpvPrefixes, List<String> keywords, List<String> departments,
		@Nullable BigDecimal valueMin, @Nullable BigDecimal valueMax, Instant createdAt) {

	static final String TYPE_NAME = "SavedSearch";

	public String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

}
