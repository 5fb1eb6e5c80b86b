package com.performanceos.scenarios.dunning;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.performanceos.scenarios.planning.ScenarioError;

/** {@code deliverDunningPushes}: its payload. Delivery is safe to repeat (a delivered push is not sent again), so it takes no key. */
final class DeliverDunningPushes {

	private DeliverDunningPushes() {
	}

	/** @param dueOnly only the pushes whose backoff elapsed; null or false: every pending push */
	record Input(@Nullable Boolean dueOnly) {
	}

	/**
	 * @param deliveredCount pushes the receiver acknowledged in this call
	 * @param pendingCount pushes still waiting after it
	 */
	record Payload(int deliveredCount, int pendingCount, List<ScenarioError> userErrors) {
	}

}
