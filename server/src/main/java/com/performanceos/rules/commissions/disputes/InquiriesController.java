package com.performanceos.rules.commissions.disputes;

import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.Caller;
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.graphql.Money;
import com.performanceos.platform.graphql.NodeLoader;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.rules.commissions.runs.RunRecords;
import com.performanceos.rules.commissions.runs.Statement;

/**
 * GraphQL edge of the inquiries. Every read goes through the same scope as the lines themselves (a REP their own, a
 * MANAGER their team as of the inquiry's month): what a caller may not read is absent from pages, {@code node(id)}
 * and mutations alike.
 */
@Controller
class InquiriesController implements NodeLoader {

	private final Inquiries inquiries;

	private final InquiryStore store;

	private final RunRecords runs;

	private final TenantDatabase database;

	InquiriesController(Inquiries inquiries, InquiryStore store, RunRecords runs, TenantDatabase database) {
		this.inquiries = inquiries;
		this.store = store;
		this.runs = runs;
		this.database = database;
	}

	@MutationMapping
	Mono<InquiryInputs.Payload> openCommissionInquiry(@Argument InquiryInputs.Open input, Caller caller) {
		return inquiries.open(caller.viewer(), input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<InquiryInputs.Payload> replyToCommissionInquiry(@Argument InquiryInputs.Message input, Caller caller) {
		return inquiries.reply(caller.viewer(), input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<InquiryInputs.Payload> resolveCommissionInquiry(@Argument InquiryInputs.Resolve input, Caller caller) {
		return inquiries.resolve(caller.viewer(), input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<InquiryInputs.Payload> rejectCommissionInquiry(@Argument InquiryInputs.Message input, Caller caller) {
		return inquiries.reject(caller.viewer(), input, caller.sourceAddress());
	}

	@QueryMapping
	Mono<Connection<CommissionInquiry>> commissionInquiries(@Argument String period, @Argument @Nullable InquiryStatus status, @Argument @Nullable Integer first,
			@Argument @Nullable String after, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		YearMonth month = month(period);
		PageRequest page = PageRequest.of(first, after, null, null);
		Instant afterAt = null;
		UUID afterKey = null;
		if (page.cursorKey() != null) {
			try {
				String[] parts = page.cursorKey().split("/", 2);
				afterAt = Instant.parse(parts[0]);
				afterKey = UUID.fromString(parts[1]);
			}
			catch (RuntimeException ex) {
				return Mono.error(new GraphQlException(ErrorCode.BAD_USER_INPUT, "Not a commission inquiry cursor"));
			}
		}
		Instant cursorAt = afterAt;
		UUID cursorKey = afterKey;
		return database.run(viewer.tenant(), tx -> runs.readable(tx, viewer, month).flatMap(readable -> {
			List<String> reps = readable.map(List::copyOf).orElse(null);
			return store.page(tx, month, reps, status, cursorAt, cursorKey, page.size() + 1)
				.zipWith(store.count(tx, month, reps, status), (found, total) -> Connection.fromKeyset(page, found,
						inquiry -> inquiry.openedAt() + "/" + inquiry.key(), total));
		}));
	}

	@QueryMapping
	Mono<Ageing> commissionInquiryAgeing(@ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return database.run(viewer.tenant(), store::ageing);
	}

	@SchemaMapping(typeName = "CommissionInquiry", field = "id")
	String id(CommissionInquiry inquiry) {
		return inquiry.id();
	}

	@SchemaMapping(typeName = "CommissionInquiry", field = "lineId")
	String lineId(CommissionInquiry inquiry) {
		return GlobalId.encode("CommissionLine", inquiry.lineKey());
	}

	@SchemaMapping(typeName = "CommissionInquiry", field = "runId")
	String runId(CommissionInquiry inquiry) {
		return GlobalId.encode(RunRecords.RUN_TYPE, inquiry.runKey());
	}

	@SchemaMapping(typeName = "CommissionInquiry", field = "period")
	String period(CommissionInquiry inquiry) {
		return inquiry.period().toString();
	}

	@SchemaMapping(typeName = "CommissionInquiry", field = "ageDays")
	int ageDays(CommissionInquiry inquiry) {
		Instant end = inquiry.closedAt() == null ? Instant.now() : inquiry.closedAt();
		return (int) ChronoUnit.DAYS.between(inquiry.openedAt(), end);
	}

	@BatchMapping(typeName = "CommissionInquiry", field = "messages")
	Mono<Map<CommissionInquiry, List<InquiryMessage>>> messages(List<CommissionInquiry> found, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return database.run(viewer.tenant(), tx -> store.messages(tx, found.stream().map(CommissionInquiry::key).toList()))
			.map(byKey -> found.stream().collect(java.util.stream.Collectors.toMap(inquiry -> inquiry, inquiry -> byKey.getOrDefault(inquiry.key(),
					List.of()), (one, other) -> one, java.util.LinkedHashMap::new)));
	}

	@BatchMapping(typeName = "CommissionInquiry", field = "adjustment")
	Mono<Map<CommissionInquiry, Adjustment>> adjustment(List<CommissionInquiry> found, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return database.run(viewer.tenant(), tx -> store.adjustments(tx, found.stream().map(CommissionInquiry::key).toList()))
			.map(byKey -> {
				Map<CommissionInquiry, Adjustment> answer = new java.util.LinkedHashMap<>();
				found.forEach(inquiry -> {
					Adjustment adjustment = byKey.get(inquiry.key());
					if (adjustment != null) {
						answer.put(inquiry, adjustment);
					}
				});
				return answer;
			});
	}

	@SchemaMapping(typeName = "CommissionAdjustment", field = "amount")
	Money adjustmentAmount(Adjustment adjustment) {
		return new Money(adjustment.amount(), java.util.Currency.getInstance(adjustment.currency()));
	}

	@SchemaMapping(typeName = "CommissionAdjustment", field = "period")
	String adjustmentPeriod(Adjustment adjustment) {
		return adjustment.period().toString();
	}

	@SchemaMapping(typeName = "CommissionAdjustment", field = "inquiryId")
	String adjustmentInquiry(Adjustment adjustment) {
		return GlobalId.encode(CommissionInquiry.TYPE_NAME, adjustment.inquiryKey());
	}

	/** The adjustments granted onto this statement's month: the statement was already allowed to the viewer. */
	@SchemaMapping(typeName = "CommissionStatement", field = "adjustments")
	Mono<List<Adjustment>> statementAdjustments(Statement statement, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return database.run(viewer.tenant(), tx -> store.adjustmentsOf(tx, statement.rep(), statement.period()));
	}

	@Override
	public String typeName() {
		return CommissionInquiry.TYPE_NAME;
	}

	/** {@code node(id)} of an inquiry: absent unless the viewer may read that rep's figures in that month. */
	@Override
	public Mono<Map<UUID, Object>> load(Viewer viewer, Collection<UUID> keys) {
		return database.run(viewer.tenant(), tx -> store.inquiries(tx, List.copyOf(keys)).flatMap(found -> Flux.fromIterable(found)
			.filterWhen(inquiry -> inquiries.mayRead(tx, viewer, inquiry))
			.collectMap(CommissionInquiry::key, inquiry -> (Object) inquiry)));
	}

	private static YearMonth month(String period) {
		try {
			return YearMonth.parse(period);
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new GraphQlException(ErrorCode.BAD_USER_INPUT, "A period is written YYYY-MM");
		}
	}

}
