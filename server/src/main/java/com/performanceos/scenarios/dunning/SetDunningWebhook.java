package com.performanceos.scenarios.dunning;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.webhooks.SignedWebhook;
import com.performanceos.scenarios.planning.ScenarioError;

/** {@code setDunningWebhook}: its input and payload. Naturally idempotent (it sets), so it takes no key. */
final class SetDunningWebhook {

	private SetDunningWebhook() {
	}

	/** The secret is write-only: it signs the pushes and is never answered. */
	record Input(String url, String secret) {

		List<ScenarioError> validate() {
			List<ScenarioError> errors = new ArrayList<>();
			if (!SignedWebhook.isReceiverUrl(url)) {
				errors.add(ScenarioError.invalid("url", "url must be an absolute http or https URL without user info, of at most "
						+ SignedWebhook.URL_LENGTH_MAX + " characters"));
			}
			if (!SignedWebhook.isSecret(secret)) {
				errors.add(ScenarioError.invalid("secret",
						"secret must have " + SignedWebhook.SECRET_LENGTH_MIN + " to " + SignedWebhook.SECRET_LENGTH_MAX + " characters"));
			}
			return errors;
		}

		/** Never prints the secret. */
		@Override
		public String toString() {
			return "Input[url=" + url + ", secret=(set)]";
		}

	}

	record Payload(@Nullable DunningWebhook webhook, List<ScenarioError> userErrors) {
	}

}
