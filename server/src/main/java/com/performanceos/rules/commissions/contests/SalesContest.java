package com.performanceos.rules.commissions.contests;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.performanceos.platform.graphql.GlobalId;

/**
 * A sales contest (the schema's {@code SalesContest}).
 *
 * @param key its primary key
 * @param name what it is called
 * @param startsOn its first day
 * @param endsOn its last day (deals closing within both days count)
 * @param metric the CEL expression giving each deal's points, as a MONEY value
 * @param createdBy who created it
 * @param createdAt when
 */
record SalesContest(UUID key, String name, LocalDate startsOn, LocalDate endsOn, String metric, String createdBy, Instant createdAt) {

	static final String TYPE_NAME = "SalesContest";

	String id() {
		return GlobalId.encode(TYPE_NAME, key);
	}

	/** Whether deals closing within the days (both included) may change the leaderboard. */
	boolean overlaps(LocalDate from, LocalDate to) {
		return !from.isAfter(endsOn) && !to.isBefore(startsOn);
	}

}
