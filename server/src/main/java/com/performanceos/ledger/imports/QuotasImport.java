package com.performanceos.ledger.imports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.security.Role;

/** Sales quotas, one per rep and month ({@code YYYY-MM}), stored in {@code ledger_quota} for the rules domain. */
@Component
final class QuotasImport implements ImportKindHandler {

	static final Pattern PERIOD = Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])");

	@Override
	public ImportKind kind() {
		return ImportKind.QUOTAS;
	}

	@Override
	public Set<ImportField> requiredFields() {
		return EnumSet.of(ImportField.REP, ImportField.PERIOD, ImportField.AMOUNT, ImportField.CURRENCY);
	}

	@Override
	public Set<ImportField> optionalFields() {
		return EnumSet.noneOf(ImportField.class);
	}

	@Override
	public Set<Role> roles() {
		return EnumSet.of(Role.ADMIN, Role.FINANCE, Role.SALES_OPS);
	}

	@Override
	public Run begin(ImportContext context) {
		return new QuotasRun(context);
	}

	private record Quota(int row, String rep, String period, BigDecimal amount, Currency currency) {

		String key() {
			return period + '\u001f' + rep;
		}

	}

	private static final class QuotasRun implements Run {

		private final ImportContext context;

		private final Map<String, Integer> seen = new HashMap<>();

		private BigDecimal amountSum = BigDecimal.ZERO;

		QuotasRun(ImportContext context) {
			this.context = context;
		}

		@Override
		public Mono<Void> validate(DatabaseClient db, List<SourceRow> chunk, ImportReport report) {
			Map<String, Quota> fresh = new LinkedHashMap<>();
			for (SourceRow row : chunk) {
				Quota quota = parse(row, report);
				if (quota == null) {
					continue;
				}
				amountSum = amountSum.add(quota.amount());
				Integer earlier = seen.putIfAbsent(quota.key(), row.number());
				if (earlier != null) {
					report.error(row.number(), context.column(ImportField.REP), ImportProblemCode.DUPLICATE_ROW,
							"A quota for this rep and period " + quota.period() + " already appears in row " + earlier);
				}
				else {
					fresh.put(quota.key(), quota);
				}
			}
			if (fresh.isEmpty()) {
				return Mono.empty();
			}
			return db.sql("""
					SELECT q.period, q.rep FROM ledger_quota q
					JOIN unnest(CAST(:periods AS text[]), CAST(:reps AS text[])) AS f(period, rep) ON f.period = q.period AND f.rep = q.rep""")
				.bind("periods", fresh.values().stream().map(Quota::period).toArray(String[]::new))
				.bind("reps", fresh.values().stream().map(Quota::rep).toArray(String[]::new))
				.map(row -> row.get("period", String.class).strip() + '\u001f' + row.get("rep", String.class))
				.all()
				.doOnNext(key -> report.error(fresh.get(key).row(), context.column(ImportField.REP), ImportProblemCode.ALREADY_IMPORTED,
						"A quota for this rep and period " + fresh.get(key).period() + " was already imported"))
				.then();
		}

		@Override
		public Mono<Void> endValidation(DatabaseClient db, ImportReport report) {
			return Mono.empty();
		}

		@Override
		public BigDecimal amountSum() {
			return amountSum;
		}

		@Override
		public Mono<Long> apply(DatabaseClient db, List<SourceRow> chunk) {
			List<Quota> quotas = new ArrayList<>(chunk.size());
			for (SourceRow row : chunk) {
				quotas.add(java.util.Objects.requireNonNull(parse(row, new ImportReport(1)), "validated row"));
			}
			if (quotas.isEmpty()) {
				return Mono.just(0L);
			}
			return db.sql("""
					INSERT INTO ledger_quota (tenant_id, id, rep, period, amount, currency, import_id, source_row)
					SELECT :tenant, id, rep, period, amount, currency, :import, source_row
					FROM unnest(CAST(:ids AS uuid[]), CAST(:reps AS text[]), CAST(:periods AS text[]), CAST(:amounts AS numeric[]),
					            CAST(:currencies AS text[]), CAST(:rows AS int[])) AS q(id, rep, period, amount, currency, source_row)""")
				.bind("tenant", context.viewer().tenant())
				.bind("import", context.importKey())
				.bind("ids", quotas.stream().map(quota -> UUID.randomUUID()).toArray(UUID[]::new))
				.bind("reps", quotas.stream().map(Quota::rep).toArray(String[]::new))
				.bind("periods", quotas.stream().map(Quota::period).toArray(String[]::new))
				.bind("amounts", quotas.stream().map(quota -> quota.amount().toPlainString()).toArray(String[]::new))
				.bind("currencies", quotas.stream().map(quota -> quota.currency().getCurrencyCode()).toArray(String[]::new))
				.bind("rows", quotas.stream().map(Quota::row).toArray(Integer[]::new))
				.fetch()
				.rowsUpdated();
		}

		@Override
		public Mono<Long> endApply(DatabaseClient db) {
			return Mono.just(0L);
		}

		private @Nullable Quota parse(SourceRow row, ImportReport report) {
			String rep = RowChecks.required(context, row, ImportField.REP, report);
			String period = RowChecks.required(context, row, ImportField.PERIOD, report);
			if (period != null && !PERIOD.matcher(period).matches()) {
				report.error(row.number(), context.column(ImportField.PERIOD), ImportProblemCode.INVALID_VALUE,
						"'" + period + "' is not a period YYYY-MM");
				period = null;
			}
			BigDecimal amount = RowChecks.amount(context, row, ImportField.AMOUNT, report);
			if (amount != null && amount.signum() < 0) {
				report.error(row.number(), context.column(ImportField.AMOUNT), ImportProblemCode.INVALID_AMOUNT, "A quota cannot be negative");
				amount = null;
			}
			Currency currency = RowChecks.currency(context, row, report);
			if (rep == null || period == null || amount == null || currency == null) {
				return null;
			}
			return new Quota(row.number(), rep, period, amount, currency);
		}

	}

}
