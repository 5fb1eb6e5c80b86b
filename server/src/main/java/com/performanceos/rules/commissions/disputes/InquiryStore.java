package com.performanceos.rules.commissions.disputes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.rules.commissions.runs.RunRecords;

/**
 * The only code that names {@code commission_inquiry}, {@code commission_inquiry_message} and
 * {@code commission_adjustment}.
 */
@Component
class InquiryStore {

	/** The most messages one thread holds: a dispute that long needs a call, not another message. */
	static final int MESSAGES_MAX = 200;

	/** The most adjustments one statement lists. */
	static final int ADJUSTMENTS_MAX = 1_000;

	private static final String COLUMNS = "id, line_id, run_id, period, rep_code, deal_ref, currency, status, opened_by, opened_at, closed_at";

	/**
	 * Serialises the openings of inquiries on one line until the transaction ends (an advisory lock on the line's key:
	 * the line itself belongs to the runs package).
	 */
	Mono<Void> lockLine(TenantTransaction tx, UUID lineKey) {
		return tx.db().sql("SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtextextended(:line, 0))")
			.bind("line", "commission_inquiry:" + lineKey)
			.map(row -> 1)
			.one()
			.then();
	}

	/** The line's inquiry still OPEN or ANSWERED, if any. */
	Mono<CommissionInquiry> openOn(TenantTransaction tx, UUID lineKey) {
		return tx.db().sql("SELECT " + COLUMNS + " FROM commission_inquiry WHERE line_id = :line AND status IN ('OPEN', 'ANSWERED') "
				+ "ORDER BY opened_at LIMIT 1")
			.bind("line", lineKey)
			.map(InquiryStore::toInquiry)
			.one();
	}

	Mono<CommissionInquiry> insert(TenantTransaction tx, UUID key, RunRecords.LineSummary line, String openedBy) {
		return tx.db().sql("""
				INSERT INTO commission_inquiry (tenant_id, id, line_id, run_id, period, rep_code, deal_ref, currency, status, opened_by)
				VALUES (:tenant, :id, :line, :run, :period, :rep, :deal, :currency, 'OPEN', :by)""")
			.bind("tenant", tx.tenant()).bind("id", key).bind("line", line.key()).bind("run", line.runKey()).bind("period", line.period().toString())
			.bind("rep", line.rep()).bind("deal", line.dealRef()).bind("currency", line.currency()).bind("by", openedBy)
			.fetch().rowsUpdated().then(inquiry(tx, key));
	}

	Mono<CommissionInquiry> inquiry(TenantTransaction tx, UUID key) {
		return tx.db().sql("SELECT " + COLUMNS + " FROM commission_inquiry WHERE id = :id").bind("id", key).map(InquiryStore::toInquiry).one();
	}

	/** The inquiry, locked until the transaction ends: its messages and status change one writer at a time. */
	Mono<CommissionInquiry> lock(TenantTransaction tx, UUID key) {
		return tx.db().sql("SELECT " + COLUMNS + " FROM commission_inquiry WHERE id = :id FOR UPDATE").bind("id", key)
			.map(InquiryStore::toInquiry).one();
	}

	Mono<List<CommissionInquiry>> inquiries(TenantTransaction tx, List<UUID> keys) {
		return tx.db().sql("SELECT " + COLUMNS + " FROM commission_inquiry WHERE id = ANY(:ids)").bind("ids", keys.toArray(UUID[]::new))
			.map(InquiryStore::toInquiry).all().collectList();
	}

	Mono<Integer> messageCount(TenantTransaction tx, UUID key) {
		return tx.db().sql("SELECT count(*) AS total FROM commission_inquiry_message WHERE inquiry_id = :id").bind("id", key)
			.map(row -> row.get("total", Long.class).intValue()).one();
	}

	Mono<Long> addMessage(TenantTransaction tx, UUID inquiryKey, int seq, String author, boolean fromStaff, String body) {
		return tx.db().sql("""
				INSERT INTO commission_inquiry_message (tenant_id, id, inquiry_id, seq, author, from_staff, body)
				VALUES (:tenant, gen_random_uuid(), :inquiry, :seq, :author, :staff, :body)""")
			.bind("tenant", tx.tenant()).bind("inquiry", inquiryKey).bind("seq", seq).bind("author", author).bind("staff", fromStaff)
			.bind("body", body).fetch().rowsUpdated();
	}

	Mono<Long> setStatus(TenantTransaction tx, UUID key, InquiryStatus status) {
		return tx.db().sql("UPDATE commission_inquiry SET status = :status, closed_at = CASE WHEN :closed THEN clock_timestamp() END WHERE id = :id")
			.bind("id", key).bind("status", status.name()).bind("closed", status.closed()).fetch().rowsUpdated();
	}

	Mono<Long> insertAdjustment(TenantTransaction tx, Adjustment adjustment) {
		return tx.db().sql("""
				INSERT INTO commission_adjustment (tenant_id, id, inquiry_id, rep_code, period, amount, currency, justification, created_by)
				VALUES (:tenant, gen_random_uuid(), :inquiry, :rep, :period, :amount, :currency, :justification, :by)""")
			.bind("tenant", tx.tenant()).bind("inquiry", adjustment.inquiryKey()).bind("rep", adjustment.rep())
			.bind("period", adjustment.period().toString()).bind("amount", adjustment.amount()).bind("currency", adjustment.currency())
			.bind("justification", adjustment.justification()).bind("by", adjustment.createdBy()).fetch().rowsUpdated();
	}

	/**
	 * A page of a month's inquiries, oldest first after the cursor's (opened at, id), of the reps given (all when
	 * null) and of one status (any when null).
	 */
	Mono<List<CommissionInquiry>> page(TenantTransaction tx, YearMonth period, @Nullable List<String> reps, @Nullable InquiryStatus status,
			@Nullable Instant afterOpenedAt, @Nullable UUID afterKey, int limit) {
		var select = tx.db().sql("SELECT " + COLUMNS + " FROM commission_inquiry WHERE " + filter(reps, status)
				+ (afterOpenedAt == null ? "" : " AND (opened_at, id) > (:afterAt, :afterId)") + " ORDER BY opened_at, id LIMIT :limit")
			.bind("period", period.toString()).bind("limit", limit);
		if (reps != null) {
			select = select.bind("reps", reps.toArray(String[]::new));
		}
		if (status != null) {
			select = select.bind("status", status.name());
		}
		if (afterOpenedAt != null && afterKey != null) {
			select = select.bind("afterAt", afterOpenedAt.atOffset(ZoneOffset.UTC)).bind("afterId", afterKey);
		}
		return select.map(InquiryStore::toInquiry).all().collectList();
	}

	Mono<Integer> count(TenantTransaction tx, YearMonth period, @Nullable List<String> reps, @Nullable InquiryStatus status) {
		var select = tx.db().sql("SELECT count(*) AS total FROM commission_inquiry WHERE " + filter(reps, status)).bind("period", period.toString());
		if (reps != null) {
			select = select.bind("reps", reps.toArray(String[]::new));
		}
		if (status != null) {
			select = select.bind("status", status.name());
		}
		return select.map(row -> row.get("total", Long.class).intValue()).one();
	}

	private static String filter(@Nullable List<String> reps, @Nullable InquiryStatus status) {
		return "period = :period" + (reps == null ? "" : " AND rep_code = ANY(:reps)") + (status == null ? "" : " AND status = :status");
	}

	/** The threads of the inquiries, in order, at most {@link #MESSAGES_MAX} each. */
	Mono<Map<UUID, List<InquiryMessage>>> messages(TenantTransaction tx, List<UUID> keys) {
		return tx.db().sql("SELECT inquiry_id, seq, author, from_staff, body, posted_at FROM commission_inquiry_message "
				+ "WHERE inquiry_id = ANY(:ids) AND seq <= :max ORDER BY inquiry_id, seq")
			.bind("ids", keys.toArray(UUID[]::new)).bind("max", MESSAGES_MAX)
			.map(row -> new InquiryMessage(row.get("inquiry_id", UUID.class), row.get("seq", Integer.class), row.get("author", String.class),
					row.get("from_staff", Boolean.class), row.get("body", String.class), row.get("posted_at", OffsetDateTime.class).toInstant()))
			.all().collectList().map(found -> {
				Map<UUID, List<InquiryMessage>> byInquiry = new LinkedHashMap<>();
				found.forEach(message -> byInquiry.computeIfAbsent(message.inquiryKey(), ignored -> new ArrayList<>()).add(message));
				return byInquiry;
			});
	}

	Mono<Map<UUID, Adjustment>> adjustments(TenantTransaction tx, List<UUID> inquiryKeys) {
		return tx.db().sql("SELECT " + ADJUSTMENT_COLUMNS + " FROM commission_adjustment WHERE inquiry_id = ANY(:ids)")
			.bind("ids", inquiryKeys.toArray(UUID[]::new)).map(InquiryStore::toAdjustment).all()
			.collectMap(Adjustment::inquiryKey, adjustment -> adjustment);
	}

	/** The adjustments a rep's statement of the month lists, oldest first. */
	Mono<List<Adjustment>> adjustmentsOf(TenantTransaction tx, String rep, YearMonth period) {
		return tx.db().sql("SELECT " + ADJUSTMENT_COLUMNS + " FROM commission_adjustment WHERE rep_code = :rep AND period = :period "
				+ "ORDER BY created_at, id LIMIT :max")
			.bind("rep", rep).bind("period", period.toString()).bind("max", ADJUSTMENTS_MAX).map(InquiryStore::toAdjustment).all().collectList();
	}

	/** How many inquiries stand in each status, and how many open ones (OPEN or ANSWERED) fall in each age bucket. */
	Mono<Ageing> ageing(TenantTransaction tx) {
		Mono<Map<String, Integer>> byStatus = tx.db().sql("SELECT status, count(*) AS total FROM commission_inquiry GROUP BY status")
			.map(row -> Map.entry(row.get("status", String.class), row.get("total", Long.class).intValue())).all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
		Mono<List<Integer>> openAges = tx.db().sql("""
				SELECT count(*) FILTER (WHERE age < 3) AS b0, count(*) FILTER (WHERE age >= 3 AND age < 8) AS b1,
				       count(*) FILTER (WHERE age >= 8 AND age <= 30) AS b2, count(*) FILTER (WHERE age >= 31) AS b3,
				       coalesce(max(age), 0) AS oldest
				FROM (SELECT floor(extract(epoch FROM (now() - opened_at)) / 86400) AS age FROM commission_inquiry
				      WHERE status IN ('OPEN', 'ANSWERED')) AS open""")
			.map(row -> List.of(row.get("b0", Long.class).intValue(), row.get("b1", Long.class).intValue(), row.get("b2", Long.class).intValue(),
					row.get("b3", Long.class).intValue(), row.get("oldest", BigDecimal.class).intValue()))
			.one();
		return byStatus.flatMap(statuses -> openAges.map(ages -> Ageing.of(statuses, ages)));
	}

	private static final String ADJUSTMENT_COLUMNS = "inquiry_id, rep_code, period, amount, currency, justification, created_by, created_at";

	private static CommissionInquiry toInquiry(Readable row) {
		OffsetDateTime closed = row.get("closed_at", OffsetDateTime.class);
		return new CommissionInquiry(row.get("id", UUID.class), row.get("line_id", UUID.class), row.get("run_id", UUID.class),
				YearMonth.parse(row.get("period", String.class).strip()), row.get("rep_code", String.class), row.get("deal_ref", String.class),
				row.get("currency", String.class).strip(), InquiryStatus.valueOf(row.get("status", String.class)), row.get("opened_by", String.class),
				row.get("opened_at", OffsetDateTime.class).toInstant(), closed == null ? null : closed.toInstant());
	}

	private static Adjustment toAdjustment(Readable row) {
		return new Adjustment(row.get("inquiry_id", UUID.class), row.get("rep_code", String.class), YearMonth.parse(row.get("period", String.class).strip()),
				row.get("amount", BigDecimal.class), row.get("currency", String.class).strip(), row.get("justification", String.class),
				row.get("created_by", String.class), row.get("created_at", OffsetDateTime.class).toInstant());
	}

}
