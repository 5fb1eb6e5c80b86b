package com.performanceos.platform.ai;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.Caller;

/** GraphQL edge of the AI port's tenant settings and usage. */
@Controller
class AiController {

	private final AiSettings settings;

	AiController(AiSettings settings) {
		this.settings = settings;
	}

	/** The schema's {@code SetAiModuleInput}. */
	record SetModuleInput(AiModule module, boolean enabled) {
	}

	/** The schema's {@code SetAiBudgetInput}. */
	record SetBudgetInput(long monthlyTokens) {
	}

	@QueryMapping
	Mono<AiSettings.Usage> aiUsage(@Argument @Nullable LocalDate month, Caller caller) {
		return settings.usage(caller.viewer().tenant(), month);
	}

	@MutationMapping
	Mono<AiSettings.Payload> setAiModule(@Argument SetModuleInput input, Caller caller) {
		return settings.setModule(caller.viewer(), input.module(), input.enabled(), caller.sourceAddress());
	}

	@MutationMapping
	Mono<AiSettings.Payload> setAiBudget(@Argument SetBudgetInput input, Caller caller) {
		return settings.setBudget(caller.viewer(), input.monthlyTokens(), caller.sourceAddress());
	}

}
