package com.performanceos.platform.ai;

/** One blocking chat-completions call; resilience, budgets and queueing are {@link AiClient}'s. */
interface ChatProvider {

	/** Sends the prompt to {@code model} and answers its message, or throws whatever the transport threw. */
	AiAnswer chat(AiPrompt prompt, String model);

	/** The model this provider asks (the one tagged on what it proposes). */
	String model();

}
