package com.performanceos.scenarios.dunning;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.performanceos.scenarios.planning.ScenarioError;

/**
 * {@code removeDunningWebhook}: its input and payload. It names the revision it removes, so a second call (or one made
 * after another person changed the receiver) is refused and it takes no key.
 */
final class RemoveDunningWebhook {

	private RemoveDunningWebhook() {
	}

	record Input(int revision) {
	}

	/**
	 * @param webhook the receiver removed, or null on failure
	 * @param cancelledCount pushes still pending, cancelled with it
	 */
	record Payload(@Nullable DunningWebhook webhook, int cancelledCount, List<ScenarioError> userErrors) {
	}

}
