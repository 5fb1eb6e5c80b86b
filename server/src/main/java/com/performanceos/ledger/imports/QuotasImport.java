package com.performanceos.ledger.imports;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
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

	private static final class QuotasRun extends KeyedRecordsRun<Quota> {

		QuotasRun(ImportContext context) {
			super(context);
		}

		@Override
		String key(Quota quota) {
			return quota.key();
		}

		@Override
		int rowNumber(Quota quota) {
			return quota.row();
		}

		@Override
		BigDecimal amount(Quota quota) {
			return quota.amount();
		}

		@Override
		ImportField keyField() {
			return ImportField.REP;
		}

		@Override
		String describe(Quota quota) {
			return "A quota for this rep and period " + quota.period();
		}

		@Override
		Flux<String> alreadyImported(DatabaseClient db, Collection<Quota> quotas) {
			return db.sql("""
					SELECT q.period, q.rep FROM ledger_quota q
					JOIN unnest(CAST(:periods AS text[]), CAST(:reps AS text[])) AS f(period, rep) ON f.period = q.period AND f.rep = q.rep""")
				.bind("periods", quotas.stream().map(Quota::period).toArray(String[]::new))
				.bind("reps", quotas.stream().map(Quota::rep).toArray(String[]::new))
				.map(row -> row.get("period", String.class).strip() + '\u001f' + row.get("rep", String.class))
				.all();
		}

		@Override
		Mono<Long> insert(DatabaseClient db, List<Quota> quotas) {
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
		@Nullable Quota parse(SourceRow row, ImportReport report) {
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
