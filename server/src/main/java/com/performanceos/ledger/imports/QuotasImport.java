package com.performanceos.ledger.imports;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.imports.SalesImportSink.ImportedQuota;
import com.performanceos.platform.security.Role;
import com.performanceos.platform.tenancy.TenantTransaction;

/** Sales quotas, one per rep and month ({@code YYYY-MM}), handed to the sales module that owns them ({@link SalesImportSink}). */
@Component
final class QuotasImport implements ImportKindHandler {

	private final SalesImportSink sales;

	QuotasImport(SalesImportSink sales) {
		this.sales = sales;
	}

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
		return new QuotasRun(context, sales);
	}

	private static final class QuotasRun extends KeyedRecordsRun<ImportedQuota> {

		private final SalesImportSink sales;

		QuotasRun(ImportContext context, SalesImportSink sales) {
			super(context);
			this.sales = sales;
		}

		@Override
		String key(ImportedQuota quota) {
			return quota.key();
		}

		@Override
		int rowNumber(ImportedQuota quota) {
			return quota.sourceRow();
		}

		@Override
		BigDecimal amount(ImportedQuota quota) {
			return quota.amount();
		}

		@Override
		ImportField keyField() {
			return ImportField.REP;
		}

		@Override
		String describe(ImportedQuota quota) {
			return "A quota for this rep and period " + quota.period();
		}

		@Override
		Flux<String> alreadyImported(TenantTransaction tx, Collection<ImportedQuota> quotas) {
			return sales.knownQuotas(tx, quotas);
		}

		@Override
		Mono<Long> insert(TenantTransaction tx, List<ImportedQuota> quotas) {
			return sales.addQuotas(tx, context.importKey(), quotas);
		}

		@Override
		@Nullable ImportedQuota parse(SourceRow row, ImportReport report) {
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
			return new ImportedQuota(row.number(), rep, period, amount, currency);
		}

	}

}
