package com.performanceos.ledger.imports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * A run over rows that each become one record identified by a natural key (a deal id, a rep and a
 * month): a key repeated within the file and a key imported earlier are both reported, amounts are
 * summed for the control total, and a chunk of validated rows is written in one statement.
 * Subclasses say how a record is parsed, keyed, looked up and stored.
 *
 * @param <R> the record a row becomes
 */
abstract class KeyedRecordsRun<R> implements ImportKindHandler.Run {

	protected final ImportContext context;

	/** Natural key → first row it appeared in, over the whole file. */
	private final Map<String, Integer> seen = new HashMap<>();

	private BigDecimal amountSum = BigDecimal.ZERO;

	KeyedRecordsRun(ImportContext context) {
		this.context = context;
	}

	/** The record of a row, or null when the row has problems (already reported). */
	abstract @Nullable R parse(SourceRow row, ImportReport report);

	abstract String key(R record);

	abstract int rowNumber(R record);

	abstract BigDecimal amount(R record);

	/** The column duplicate problems are reported on. */
	abstract ImportField keyField();

	/** How problems name the record, e.g. {@code Deal 'D-42'}. */
	abstract String describe(R record);

	/** The keys among {@code records} that earlier imports already stored. */
	abstract Flux<String> alreadyImported(TenantTransaction tx, Collection<R> records);

	/** Writes the records in one statement; returns how many were written. */
	abstract Mono<Long> insert(TenantTransaction tx, List<R> records);

	/** Loads what parsing needs from the database (e.g. the tenant's bank accounts), before each pass's first chunk. */
	Mono<Void> prepare(TenantTransaction tx) {
		return Mono.empty();
	}

	/** Reports a record whose key is already stored; by default, as brought by an earlier import. */
	void reportStored(R record, ImportReport report) {
		report.error(rowNumber(record), context.column(keyField()), ImportProblemCode.ALREADY_IMPORTED, describe(record) + " was already imported");
	}

	@Override
	public final Mono<Void> validate(TenantTransaction tx, List<SourceRow> chunk, ImportReport report) {
		return prepare(tx).then(Mono.defer(() -> check(tx, chunk, report)));
	}

	private Mono<Void> check(TenantTransaction tx, List<SourceRow> chunk, ImportReport report) {
		Map<String, R> fresh = new LinkedHashMap<>();
		for (SourceRow row : chunk) {
			R record = parse(row, report);
			if (record == null) {
				continue;
			}
			amountSum = amountSum.add(amount(record));
			Integer earlier = seen.putIfAbsent(key(record), row.number());
			if (earlier != null) {
				report.error(row.number(), context.column(keyField()), ImportProblemCode.DUPLICATE_ROW,
						describe(record) + " already appears in row " + earlier);
			}
			else {
				fresh.put(key(record), record);
			}
		}
		if (fresh.isEmpty()) {
			return Mono.empty();
		}
		return alreadyImported(tx, fresh.values())
			.doOnNext(key -> reportStored(fresh.get(key), report))
			.then();
	}

	@Override
	public final Mono<Void> endValidation(TenantTransaction tx, ImportReport report) {
		return Mono.empty();
	}

	@Override
	public final BigDecimal amountSum() {
		return amountSum;
	}

	@Override
	public final Mono<Long> apply(TenantTransaction tx, List<SourceRow> chunk) {
		return prepare(tx).then(Mono.defer(() -> {
			List<R> records = new ArrayList<>(chunk.size());
			for (SourceRow row : chunk) {
				records.add(Objects.requireNonNull(parse(row, new ImportReport(1)), "validated row"));
			}
			return records.isEmpty() ? Mono.just(0L) : insert(tx, records);
		}));
	}

	/** Nothing is pending after the last chunk unless a kind announces once per file (and overrides this). */
	@Override
	public Mono<Long> endApply(TenantTransaction tx) {
		return Mono.just(0L);
	}

}
