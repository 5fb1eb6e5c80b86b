package com.performanceos.ledger.periods;

import java.time.YearMonth;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.Caller;
import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.security.Viewer;

/** GraphQL edge of periods: parse, call the service, map to the payload. */
@Controller
class PeriodController {

	private final PeriodService periods;

	PeriodController(PeriodService periods) {
		this.periods = periods;
	}

	@QueryMapping
	Mono<List<Period>> periods(@Argument int year, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		if (year < PeriodInputs.YEAR_MIN || year > PeriodInputs.YEAR_MAX) {
			return Mono.error(new GraphQlException(ErrorCode.BAD_USER_INPUT,
					"year must be between " + PeriodInputs.YEAR_MIN + " and " + PeriodInputs.YEAR_MAX));
		}
		return periods.periods(viewer, year);
	}

	@QueryMapping
	Mono<CloseCertificate> closeCertificate(@Argument String month, @Argument @Nullable Integer version,
			@ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		YearMonth parsed = PeriodInputs.parseMonth(month)
			.orElseThrow(() -> new GraphQlException(ErrorCode.BAD_USER_INPUT, "month must be YYYY-MM, got " + month));
		return periods.certificate(viewer, parsed, version);
	}

	@MutationMapping
	Mono<PeriodInputs.ClosePayload> closePeriod(@Argument PeriodInputs.CloseInput input, Caller caller) {
		return periods.close(caller.viewer(), input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<PeriodInputs.ReopenPayload> reopenPeriod(@Argument PeriodInputs.ReopenInput input, Caller caller) {
		return periods.reopen(caller.viewer(), input, caller.sourceAddress());
	}

}
