package com.performanceos.platform.ai;

/** One blocking chat-completions call; resilience, budgets and queueing are {@link AiClient}'s. */
interface ChatProvider {

	/** Sends the prompt and answers the model's message, or throws whatever the transport threw. */
	AiAnswer chat(AiPrompt prompt);

	/** The model this provider asks (the one tagged on what it proposes). */
	String model();

}
