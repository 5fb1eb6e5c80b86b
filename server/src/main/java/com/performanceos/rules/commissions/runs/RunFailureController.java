package com.performanceos.rules.commissions.runs;

import java.util.List;

import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;

/** {@code CalculationRun.failure}: read only for a run that failed, so a successful run costs no extra read. */
@Controller
class RunFailureController {

	private final RunStore store;

	private final TenantDatabase database;

	RunFailureController(RunStore store, TenantDatabase database) {
		this.store = store;
		this.database = database;
	}

	@SchemaMapping(typeName = "CalculationRun", field = "failure")
	Mono<RunFailure> failure(CalculationRun run, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		if (!"FAILED".equals(run.status())) {
			return Mono.empty();
		}
		return database.run(viewer.tenant(), tx -> store.failures(tx, List.of(run.key()))).flatMap(found -> Mono.justOrEmpty(found.get(run.key())));
	}

}
