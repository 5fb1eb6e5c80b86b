package com.performanceos.platform.ai;

import java.util.Objects;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.TokenUsage;

/**
 * LangChain4j's OpenAI client pointed at the configured endpoint (Mistral, OpenAI, a local server: any
 * chat-completions API). Its own retries are off ({@link AiClient} retries through resilience4j, so that the breaker
 * counts every attempt), the temperature is 0 and the answer is asked as a JSON object.
 */
final class OpenAiCompatibleProvider implements ChatProvider {

	private final OpenAiChatModel client;

	private final String model;

	OpenAiCompatibleProvider(AiProperties settings) {
		this.model = settings.model();
		this.client = OpenAiChatModel.builder()
			.baseUrl(Objects.requireNonNull(settings.baseUrl()))
			.apiKey(settings.apiKey() == null || settings.apiKey().isBlank() ? "none" : settings.apiKey())
			.modelName(settings.model())
			.temperature(0.0)
			.responseFormat("json_object")
			.timeout(settings.timeout())
			.maxRetries(0)
			.build();
	}

	@Override
	public AiAnswer chat(AiPrompt prompt, String model) {
		ChatResponse response = client.chat(ChatRequest.builder()
			.messages(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user()))
			.responseFormat(ResponseFormat.JSON)
			.modelName(model)
			.build());
		TokenUsage usage = response.tokenUsage();
		String answeredBy = response.modelName();
		return new AiAnswer(Objects.requireNonNullElse(response.aiMessage().text(), ""),
				answeredBy == null || answeredBy.isBlank() ? model : answeredBy,
				usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount(),
				usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount());
	}

	@Override
	public String model() {
		return model;
	}

}
