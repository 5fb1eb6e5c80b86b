package com.performanceos.rules.proposals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Without PERFORMANCEOS_AI_BASE_URL (the suite's default context) AI is off: a typed answer, nothing else changes. */
class AiDisabledIntegrationTests extends IntegrationTest {

	@Test
	void withoutAProviderProposePlanAnswersAiDisabledAndUsageSaysSo() {
		String tenant = newTenant("ai-unconfigured");
		graphQl(tenant, Role.SALES_OPS).documentName("aiProposePlan")
			.variable("input", Map.of("idempotencyKey", "p1", "sentence", "10 % on ARR", "ruleName", "plan")).execute()
			.path("proposePlan.proposal").valueIsNull()
			.path("proposePlan.userErrors[0].code").entity(String.class).isEqualTo("AI_DISABLED")
			.path("proposePlan.userErrors[0].message").entity(String.class)
			.satisfies(message -> assertThat(message).startsWith("AI disabled: no AI provider is configured"));
		graphQl(tenant, Role.ADMIN).documentName("aiUsage").execute()
			.path("aiUsage.configured").entity(Boolean.class).isEqualTo(false)
			.path("aiUsage.tokensUsed").entity(Long.class).isEqualTo(0L)
			.path("aiUsage.queued").entity(Long.class).isEqualTo(0L);
	}

}
