package com.performanceos.platform.ai;

/**
 * The model's answer.
 *
 * @param text the message content
 * @param model the model that answered, as the provider named it (falls back to the configured one)
 * @param promptTokens tokens of the prompt, as the provider counted them
 * @param completionTokens tokens of the answer
 */
public record AiAnswer(String text, String model, long promptTokens, long completionTokens) {

	public long totalTokens() {
		return promptTokens + completionTokens;
	}

}
