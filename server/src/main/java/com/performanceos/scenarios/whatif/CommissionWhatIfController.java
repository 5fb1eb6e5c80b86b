package com.performanceos.scenarios.whatif;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.platform.security.Viewer;

/** GraphQL edge of the what-ifs beside cash. */
@Controller
class CommissionWhatIfController {

	private final CommissionWhatIf whatIf;

	CommissionWhatIfController(CommissionWhatIf whatIf) {
		this.whatIf = whatIf;
	}

	@QueryMapping
	Mono<CommissionWhatIf.Answer> scenarioCommissionWhatIf(@Argument CommissionWhatIf.Input input, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return whatIf.answer(viewer, input);
	}

}
