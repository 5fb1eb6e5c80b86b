package com.performanceos.rules.commissions.variants;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.platform.security.Viewer;

/** GraphQL edge of plan-variant what-ifs. */
@Controller
class PlanVariantController {

	private final PlanVariants variants;

	PlanVariantController(PlanVariants variants) {
		this.variants = variants;
	}

	@QueryMapping
	Mono<PlanVariants.Answer> commissionPlanVariant(@Argument PlanVariants.Input input, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return variants.answer(viewer, input);
	}

}
