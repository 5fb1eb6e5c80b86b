package com.performanceos.rules.commissions.runs;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.rules.commissions.calculation.CalculationInputs;
import com.performanceos.rules.commissions.calculation.CalculationResult;
import com.performanceos.rules.engine.JsonValues;

/**
 * The only code that names {@code commission_run}, {@code commission_line} and {@code commission_rep_total}. Lines
 * are written in bulk: one INSERT ... SELECT FROM jsonb_to_recordset(one JSON array) per {@link #LINES_PER_STATEMENT}
 * lines, instead of one statement per line.
 */
@Component
class RunStore {

	/** Lines per INSERT: large enough to amortise the round trip, small enough to keep each statement's arrays modest. */
	static final int LINES_PER_STATEMENT = 5_000;

	private static final String RUN_COLUMNS = "id, period, job_id, status, known_at, started_by, created_at, finished_at, line_count, "
			+ "total_amount, currency, digest, error";

	private static final String LINE_COLUMNS = "l.id, l.run_id, r.period, l.seq, l.rep_code, l.kind, l.deal_id, l.deal_ref, l.share_percent, "
			+ "l.credited, l.amount, r.currency, l.tier, l.trace::text AS trace";

	private static final String TOTAL_COLUMNS = "t.rep_code, t.rule_version_id, t.credited, t.rollup_credited, t.quota, t.attainment_percent, "
			+ "t.gross, t.cap_adjustment, t.clawback, t.clawback_carry_in, t.clawback_carry_out, t.draw_paid, t.draw_recovered, "
			+ "t.draw_balance_out, t.payable, t.currency";

	Mono<CalculationRun> insert(TenantTransaction tx, UUID key, String period, UUID jobKey, Instant knownAt, String startedBy) {
		return tx.db().sql("INSERT INTO commission_run (tenant_id, id, period, job_id, status, known_at, started_by) "
				+ "VALUES (:tenant, :id, :period, :job, 'QUEUED', :knownAt, :by)")
			.bind("tenant", tx.tenant()).bind("id", key).bind("period", period).bind("job", jobKey)
			.bind("knownAt", knownAt.atOffset(ZoneOffset.UTC)).bind("by", startedBy)
			.fetch().rowsUpdated().then(run(tx, key));
	}

	Mono<CalculationRun> run(TenantTransaction tx, UUID key) {
		return tx.db().sql("SELECT " + RUN_COLUMNS + " FROM commission_run WHERE id = :id").bind("id", key).map(RunStore::toRun).one();
	}

	Mono<List<CalculationRun>> runs(TenantTransaction tx, List<UUID> keys) {
		return tx.db().sql("SELECT " + RUN_COLUMNS + " FROM commission_run WHERE id = ANY(:ids)").bind("ids", keys.toArray(UUID[]::new))
			.map(RunStore::toRun).all().collectList();
	}

	/** Takes a queued run for computing; false when another submission took it already. */
	Mono<Boolean> claim(TenantTransaction tx, UUID key) {
		return tx.db().sql("UPDATE commission_run SET status = 'RUNNING' WHERE id = :id AND status = 'QUEUED'").bind("id", key)
			.fetch().rowsUpdated().map(count -> count == 1);
	}

	Mono<Long> succeed(TenantTransaction tx, UUID key, int lineCount, BigDecimal total, @Nullable Currency currency, String digest) {
		return tx.db().sql("UPDATE commission_run SET status = 'SUCCEEDED', finished_at = clock_timestamp(), line_count = :lines, "
				+ "total_amount = :total, currency = :currency, digest = :digest WHERE id = :id")
			.bind("id", key).bind("lines", lineCount).bind("total", total).bind("currency", currency == null ? "EUR" : currency.getCurrencyCode())
			.bind("digest", digest).fetch().rowsUpdated();
	}

	Mono<Long> fail(TenantTransaction tx, UUID key, RunFailure failure) {
		return tx.db().sql("UPDATE commission_run SET status = 'FAILED', finished_at = clock_timestamp(), error = :error, "
				+ "failure = CAST(:failure AS jsonb) WHERE id = :id")
			.bind("id", key).bind("error", failure.message()).bind("failure", JsonValues.write(JsonValues.of(failure.toMap())))
			.fetch().rowsUpdated();
	}

	/** Why runs failed, by key; a run that did not fail is absent. */
	Mono<Map<UUID, RunFailure>> failures(TenantTransaction tx, List<UUID> keys) {
		return tx.db().sql("SELECT id, failure::text AS failure FROM commission_run WHERE id = ANY(:ids) AND failure IS NOT NULL")
			.bind("ids", keys.toArray(UUID[]::new))
			.map(row -> Map.entry(row.get("id", UUID.class), RunFailure.fromMap(JsonValues.parse(row.get("failure", String.class)))))
			.all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	/** The latest successful run of a period, if any. */
	Mono<CalculationRun> latest(TenantTransaction tx, String period) {
		return tx.db().sql("SELECT " + RUN_COLUMNS + " FROM commission_run WHERE period = :period AND status = 'SUCCEEDED' "
				+ "ORDER BY created_at DESC, id LIMIT 1").bind("period", period).map(RunStore::toRun).one();
	}

	/** The latest month before {@code beforePeriod} that has a successful run, if any. */
	Mono<String> latestPeriodBefore(TenantTransaction tx, String beforePeriod) {
		return tx.db().sql("SELECT max(period) AS period FROM commission_run WHERE status = 'SUCCEEDED' AND period < :period")
			.bind("period", beforePeriod).map(row -> java.util.Optional.ofNullable(row.get("period", String.class))).one()
			.flatMap(Mono::justOrEmpty).map(String::strip);
	}

	/** What each rep was paid on each deal (DIRECT and ROLLUP lines) by the latest successful run of each earlier period. */
	Mono<Map<String, BigDecimal>> paidOnDeals(TenantTransaction tx, String beforePeriod, List<UUID> deals) {
		if (deals.isEmpty()) {
			return Mono.just(Map.of());
		}
		return tx.db().sql("""
				SELECT l.deal_id, l.rep_code, sum(l.amount) AS paid FROM commission_line l
				WHERE l.run_id IN (SELECT DISTINCT ON (period) id FROM commission_run
				                   WHERE status = 'SUCCEEDED' AND period < :period ORDER BY period, created_at DESC, id)
				  AND l.deal_id = ANY(:deals) AND l.kind IN ('DIRECT', 'ROLLUP')
				GROUP BY l.deal_id, l.rep_code ORDER BY l.deal_id, l.rep_code""")
			.bind("period", beforePeriod).bind("deals", deals.toArray(UUID[]::new))
			.map(row -> Map.entry(row.get("deal_id", UUID.class) + "|" + row.get("rep_code", String.class), row.get("paid", BigDecimal.class)))
			.all().collectMap(Map.Entry::getKey, Map.Entry::getValue, java.util.TreeMap::new).map(map -> map);
	}

	/**
	 * The DIRECT lines of the latest successful run of each period from {@code fromPeriod} to {@code toPeriod}, with the
	 * deal's product and region as the line's trace recorded them; {@code max} at most, oldest period first.
	 */
	Mono<List<PayoutHistory.Payout>> directPayouts(TenantTransaction tx, String fromPeriod, String toPeriod, int max) {
		return tx.db().sql("""
				SELECT r.period, l.rep_code, l.deal_ref, l.trace -> 'deal' ->> 'product' AS product, l.trace -> 'deal' ->> 'region' AS region,
				       l.credited, l.amount, r.currency
				FROM commission_line l JOIN commission_run r ON r.id = l.run_id
				WHERE l.run_id IN (SELECT DISTINCT ON (period) id FROM commission_run
				                   WHERE status = 'SUCCEEDED' AND period BETWEEN :from AND :to ORDER BY period, created_at DESC, id)
				  AND l.kind = 'DIRECT'
				ORDER BY r.period, l.seq LIMIT :max""")
			.bind("from", fromPeriod).bind("to", toPeriod).bind("max", max)
			.map(row -> new PayoutHistory.Payout(row.get("period", String.class), row.get("rep_code", String.class), row.get("deal_ref", String.class),
					String.valueOf(row.get("product", String.class)), String.valueOf(row.get("region", String.class)),
					row.get("credited", BigDecimal.class), row.get("amount", BigDecimal.class), row.get("currency", String.class)))
			.all().collectList();
	}

	/** What each rep carries out of a run. */
	Mono<Map<String, CalculationInputs.Carry>> carries(TenantTransaction tx, UUID runKey) {
		return tx.db().sql("SELECT rep_code, clawback_carry_out, draw_balance_out FROM commission_rep_total WHERE run_id = :run")
			.bind("run", runKey)
			.map(row -> Map.entry(row.get("rep_code", String.class), new CalculationInputs.Carry(row.get("clawback_carry_out", BigDecimal.class),
					row.get("draw_balance_out", BigDecimal.class))))
			.all().collectMap(Map.Entry::getKey, Map.Entry::getValue, java.util.TreeMap::new).map(map -> map);
	}

	/** Writes the lines in bulk statements, reporting each statement's last line. */
	Mono<Void> insertLines(TenantTransaction tx, UUID runKey, List<CalculationResult.Line> lines, java.util.function.IntConsumer written) {
		List<List<CalculationResult.Line>> chunks = new ArrayList<>();
		for (int from = 0; from < lines.size(); from += LINES_PER_STATEMENT) {
			chunks.add(lines.subList(from, Math.min(lines.size(), from + LINES_PER_STATEMENT)));
		}
		return Flux.fromIterable(chunks).concatMap(chunk -> insertChunk(tx, runKey, chunk).doOnNext(count -> written.accept(chunk.getLast().seq())))
			.then();
	}

	/**
	 * One statement per chunk, its lines sent as one JSON array unpacked by {@code jsonb_to_recordset}: each trace goes in
	 * as a JSON value inside it, written once, where a {@code text[]} parameter had every trace escaped again as an array
	 * element by the driver (the largest part of the write in the bench's profile).
	 */
	private Mono<Long> insertChunk(TenantTransaction tx, UUID runKey, List<CalculationResult.Line> chunk) {
		StringBuilder lines = new StringBuilder(chunk.size() * 1024);
		lines.append('[');
		for (int index = 0; index < chunk.size(); index++) {
			CalculationResult.Line line = chunk.get(index);
			if (index > 0) {
				lines.append(',');
			}
			lines.append("{\"id\":\"").append(lineKey(runKey, line.seq())).append("\",\"seq\":").append(line.seq())
				.append(",\"rep\":").append(JsonValues.write(line.rep()))
				.append(",\"kind\":\"").append(line.kind().name())
				.append("\",\"deal\":\"").append(line.dealKey())
				.append("\",\"ref\":").append(JsonValues.write(line.dealRef()))
				.append(",\"share\":").append(line.sharePercent().toPlainString())
				.append(",\"credited\":").append(line.credited().toPlainString())
				.append(",\"amount\":").append(line.amount().toPlainString())
				.append(",\"tier\":").append(line.tier() == null ? "null" : line.tier().toString())
				.append(",\"trace\":").append(JsonValues.write(JsonValues.of(line.trace())))
				.append('}');
		}
		lines.append(']');
		return tx.db().sql("""
				INSERT INTO commission_line (tenant_id, id, run_id, seq, rep_code, kind, deal_id, deal_ref, share_percent, credited, amount, tier, trace)
				SELECT :tenant, l.id, :run, l.seq, l.rep, l.kind, l.deal, l.ref, l.share, l.credited, l.amount, l.tier, l.trace
				FROM jsonb_to_recordset(CAST(:lines AS jsonb))
				     AS l(id uuid, seq int, rep text, kind text, deal uuid, ref text, share numeric, credited numeric, amount numeric, tier int,
				          trace jsonb)""")
			.bind("tenant", tx.tenant()).bind("run", runKey).bind("lines", lines.toString())
			.fetch().rowsUpdated();
	}

	/** A line's key derives from its run and position, so rewriting a run's lines can never duplicate them. */
	static UUID lineKey(UUID runKey, int seq) {
		return UUID.nameUUIDFromBytes((runKey + "/" + seq).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	Mono<Long> insertTotals(TenantTransaction tx, UUID runKey, List<CalculationResult.RepTotal> totals) {
		if (totals.isEmpty()) {
			return Mono.just(0L);
		}
		List<String[]> columns = new ArrayList<>();
		for (int column = 0; column < 13; column++) {
			columns.add(new String[totals.size()]);
		}
		String[] reps = new String[totals.size()];
		UUID[] versions = new UUID[totals.size()];
		String[] currencies = new String[totals.size()];
		for (int index = 0; index < totals.size(); index++) {
			CalculationResult.RepTotal total = totals.get(index);
			reps[index] = total.rep();
			versions[index] = total.versionKey();
			currencies[index] = total.currency().getCurrencyCode();
			BigDecimal[] values = { total.credited(), total.rollUpCredited(), total.quota(), total.attainmentPercent(), total.gross(),
					total.capAdjustment(), total.clawback(), total.clawbackCarryIn(), total.clawbackCarryOut(), total.drawPaid(),
					total.drawRecovered(), total.drawBalanceOut(), total.payable() };
			for (int column = 0; column < values.length; column++) {
				columns.get(column)[index] = values[column] == null ? null : values[column].toPlainString();
			}
		}
		var insert = tx.db().sql("""
				INSERT INTO commission_rep_total (tenant_id, run_id, rep_code, rule_version_id, credited, rollup_credited, quota, attainment_percent,
				       gross, cap_adjustment, clawback, clawback_carry_in, clawback_carry_out, draw_paid, draw_recovered, draw_balance_out, payable, currency)
				SELECT :tenant, :run, rep, version, c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, currency
				FROM unnest(CAST(:reps AS text[]), CAST(:versions AS uuid[]), CAST(:c0 AS numeric[]), CAST(:c1 AS numeric[]), CAST(:c2 AS numeric[]),
				            CAST(:c3 AS numeric[]), CAST(:c4 AS numeric[]), CAST(:c5 AS numeric[]), CAST(:c6 AS numeric[]), CAST(:c7 AS numeric[]),
				            CAST(:c8 AS numeric[]), CAST(:c9 AS numeric[]), CAST(:c10 AS numeric[]), CAST(:c11 AS numeric[]), CAST(:c12 AS numeric[]),
				            CAST(:currencies AS text[]))
				     AS t(rep, version, c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, currency)""")
			.bind("tenant", tx.tenant()).bind("run", runKey).bind("reps", reps).bind("versions", versions).bind("currencies", currencies);
		for (int column = 0; column < 13; column++) {
			insert = insert.bind("c" + column, columns.get(column));
		}
		return insert.fetch().rowsUpdated();
	}

	Mono<List<CalculationResult.RepTotal>> totals(TenantTransaction tx, UUID runKey, @Nullable List<String> reps) {
		var select = tx.db().sql("SELECT " + TOTAL_COLUMNS + " FROM commission_rep_total t WHERE t.run_id = :run"
				+ (reps == null ? "" : " AND t.rep_code = ANY(:reps)") + " ORDER BY t.rep_code LIMIT 100000").bind("run", runKey);
		if (reps != null) {
			select = select.bind("reps", reps.toArray(String[]::new));
		}
		return select.map(RunStore::toTotal).all().collectList();
	}

	/** A page of a run's lines, in seq order after {@code afterSeq}, of the reps given (all when null). */
	Mono<List<CommissionLine>> lines(TenantTransaction tx, UUID runKey, @Nullable List<String> reps, int afterSeq, int limit) {
		var select = tx.db().sql("SELECT " + LINE_COLUMNS + " FROM commission_line l JOIN commission_run r ON r.id = l.run_id "
				+ "WHERE l.run_id = :run AND l.seq > :after" + (reps == null ? "" : " AND l.rep_code = ANY(:reps)") + " ORDER BY l.seq LIMIT :limit")
			.bind("run", runKey).bind("after", afterSeq).bind("limit", limit);
		if (reps != null) {
			select = select.bind("reps", reps.toArray(String[]::new));
		}
		return select.map(RunStore::toLine).all().collectList();
	}

	Mono<Integer> lineCount(TenantTransaction tx, UUID runKey, @Nullable List<String> reps) {
		var select = tx.db().sql("SELECT count(*) AS total FROM commission_line WHERE run_id = :run" + (reps == null ? "" : " AND rep_code = ANY(:reps)"))
			.bind("run", runKey);
		if (reps != null) {
			select = select.bind("reps", reps.toArray(String[]::new));
		}
		return select.map(row -> row.get("total", Long.class).intValue()).one();
	}

	Mono<List<CommissionLine>> linesByKey(TenantTransaction tx, List<UUID> keys) {
		return tx.db().sql("SELECT " + LINE_COLUMNS + " FROM commission_line l JOIN commission_run r ON r.id = l.run_id WHERE l.id = ANY(:ids)")
			.bind("ids", keys.toArray(UUID[]::new)).map(RunStore::toLine).all().collectList();
	}

	private static CalculationRun toRun(Readable row) {
		OffsetDateTime finished = row.get("finished_at", OffsetDateTime.class);
		String currency = row.get("currency", String.class);
		return new CalculationRun(row.get("id", UUID.class), row.get("period", String.class).strip(), row.get("job_id", UUID.class),
				row.get("status", String.class), row.get("known_at", OffsetDateTime.class).toInstant(), row.get("started_by", String.class),
				row.get("created_at", OffsetDateTime.class).toInstant(), finished == null ? null : finished.toInstant(),
				row.get("line_count", Integer.class), row.get("total_amount", BigDecimal.class), currency == null ? null : currency.strip(),
				row.get("digest", String.class), row.get("error", String.class));
	}

	private static CommissionLine toLine(Readable row) {
		String currency = row.get("currency", String.class);
		return new CommissionLine(row.get("id", UUID.class), row.get("run_id", UUID.class), row.get("period", String.class).strip(),
				row.get("seq", Integer.class), row.get("rep_code", String.class), row.get("kind", String.class), row.get("deal_id", UUID.class),
				row.get("deal_ref", String.class), row.get("share_percent", BigDecimal.class), row.get("credited", BigDecimal.class),
				row.get("amount", BigDecimal.class), currency == null ? "EUR" : currency.strip(), row.get("tier", Integer.class),
				row.get("trace", String.class));
	}

	private static CalculationResult.RepTotal toTotal(Readable row) {
		return new CalculationResult.RepTotal(row.get("rep_code", String.class), row.get("rule_version_id", UUID.class),
				row.get("credited", BigDecimal.class), row.get("rollup_credited", BigDecimal.class), row.get("quota", BigDecimal.class),
				row.get("attainment_percent", BigDecimal.class), row.get("gross", BigDecimal.class), row.get("cap_adjustment", BigDecimal.class),
				row.get("clawback", BigDecimal.class), row.get("clawback_carry_in", BigDecimal.class),
				row.get("clawback_carry_out", BigDecimal.class), row.get("draw_paid", BigDecimal.class), row.get("draw_recovered", BigDecimal.class),
				row.get("draw_balance_out", BigDecimal.class), row.get("payable", BigDecimal.class),
				Currency.getInstance(row.get("currency", String.class).strip()));
	}

}
