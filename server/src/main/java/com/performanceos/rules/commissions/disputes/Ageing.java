package com.performanceos.rules.commissions.disputes;

import java.util.List;
import java.util.Map;

/**
 * How many inquiries stand in each status and how long the open ones have waited (the schema's
 * {@code CommissionInquiryAgeing}).
 *
 * @param open OPEN ones
 * @param answered ANSWERED ones
 * @param resolved RESOLVED ones
 * @param rejected REJECTED ones
 * @param buckets the open ones (OPEN or ANSWERED) by days since they were opened
 * @param oldestOpenDays the days the oldest open one has waited (0 when none)
 */
record Ageing(int open, int answered, int resolved, int rejected, List<Bucket> buckets, int oldestOpenDays) {

	/**
	 * Open inquiries aged within days, both included.
	 *
	 * @param label the bucket's name
	 * @param fromDays the first day
	 * @param toDays the last day; null for no limit
	 * @param count how many
	 */
	record Bucket(String label, int fromDays, @org.jspecify.annotations.Nullable Integer toDays, int count) {
	}

	/** From the counts by status and the counts of the four age buckets (0-2, 3-7, 8-30, over 30 days) then the oldest age. */
	static Ageing of(Map<String, Integer> byStatus, List<Integer> ages) {
		return new Ageing(byStatus.getOrDefault("OPEN", 0), byStatus.getOrDefault("ANSWERED", 0), byStatus.getOrDefault("RESOLVED", 0),
				byStatus.getOrDefault("REJECTED", 0), List.of(new Bucket("0-2 days", 0, 2, ages.get(0)), new Bucket("3-7 days", 3, 7, ages.get(1)),
						new Bucket("8-30 days", 8, 30, ages.get(2)), new Bucket("over 30 days", 31, null, ages.get(3))), ages.get(4));
	}

}
