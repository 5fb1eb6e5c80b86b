package com.performanceos.rules.sales;

import java.util.UUID;
import java.util.regex.Pattern;

import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.Money;

/**
 * A rep's quota for a month (the schema's {@code Quota}).
 *
 * @param key its primary key
 * @param rep the rep
 * @param period the month, {@code YYYY-MM}
 * @param amount the quota
 * @param importKey the import that brought it
 * @param sourceRow its row in that import's file
 */
public record Quota(UUID key, String rep, String period, Money amount, UUID importKey, int sourceRow) {

	static final String TYPE_NAME = "Quota";

	/** How a period is written. */
	static final Pattern PERIOD = Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])");

	/** The global id of the {@code Node} interface. */
	public String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

}
