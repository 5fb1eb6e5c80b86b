package com.performanceos.ledger.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.imports.SalesImportSink.ImportedDeal;
import com.performanceos.platform.security.Role;
import com.performanceos.platform.tenancy.TenantTransaction;

/** Deals from a CRM export, one per deal id, handed to the sales module that owns them ({@link SalesImportSink}). */
@Component
final class DealsImport implements ImportKindHandler {

	private final SalesImportSink sales;

	DealsImport(SalesImportSink sales) {
		this.sales = sales;
	}

	@Override
	public ImportKind kind() {
		return ImportKind.DEALS;
	}

	@Override
	public Set<ImportField> requiredFields() {
		return EnumSet.of(ImportField.DEAL_ID, ImportField.REP, ImportField.PRODUCT, ImportField.REGION, ImportField.AMOUNT,
				ImportField.STAGE, ImportField.CLOSE_DATE, ImportField.CURRENCY);
	}

	@Override
	public Set<ImportField> optionalFields() {
		return EnumSet.of(ImportField.ARR, ImportField.DESCRIPTION);
	}

	@Override
	public Set<Role> roles() {
		return EnumSet.of(Role.ADMIN, Role.FINANCE, Role.SALES_OPS);
	}

	@Override
	public Run begin(ImportContext context) {
		return new DealsRun(context, sales);
	}

	private static final class DealsRun extends KeyedRecordsRun<ImportedDeal> {

		private final SalesImportSink sales;

		DealsRun(ImportContext context, SalesImportSink sales) {
			super(context);
			this.sales = sales;
		}

		@Override
		String key(ImportedDeal deal) {
			return deal.dealId();
		}

		@Override
		int rowNumber(ImportedDeal deal) {
			return deal.sourceRow();
		}

		@Override
		BigDecimal amount(ImportedDeal deal) {
			return deal.amount();
		}

		@Override
		ImportField keyField() {
			return ImportField.DEAL_ID;
		}

		@Override
		String describe(ImportedDeal deal) {
			return "Deal '" + deal.dealId() + "'";
		}

		@Override
		Flux<String> alreadyImported(TenantTransaction tx, Collection<ImportedDeal> deals) {
			return sales.knownDealIds(tx, deals.stream().map(ImportedDeal::dealId).toList());
		}

		@Override
		Mono<Long> insert(TenantTransaction tx, List<ImportedDeal> deals) {
			return sales.addDeals(tx, context.importKey(), deals);
		}

		@Override
		@Nullable ImportedDeal parse(SourceRow row, ImportReport report) {
			String dealId = RowChecks.required(context, row, ImportField.DEAL_ID, report);
			String rep = RowChecks.required(context, row, ImportField.REP, report);
			String product = RowChecks.required(context, row, ImportField.PRODUCT, report);
			String region = RowChecks.required(context, row, ImportField.REGION, report);
			BigDecimal amount = RowChecks.amount(context, row, ImportField.AMOUNT, report);
			BigDecimal arr = row.value(ImportField.ARR) == null ? BigDecimal.ZERO : RowChecks.optionalAmount(context, row, ImportField.ARR, report);
			String stageText = RowChecks.required(context, row, ImportField.STAGE, report);
			DealStage stage = stageText == null ? null : DealStage.parse(stageText).orElse(null);
			if (stageText != null && stage == null) {
				report.add(new ImportProblem(row.number(), context.column(ImportField.STAGE), ImportProblemCode.INVALID_VALUE,
						ImportProblem.Severity.ERROR, "'" + stageText + "' is not a deal stage", Arrays.toString(DealStage.values()), stageText));
			}
			LocalDate closeDate = RowChecks.date(context, row, ImportField.CLOSE_DATE, report);
			Currency currency = RowChecks.currency(context, row, report);
			RowChecks.personalData(context, row, Set.of(ImportField.DESCRIPTION), report);
			if (dealId == null || rep == null || product == null || region == null || amount == null || arr == null || stage == null
					|| closeDate == null || currency == null) {
				return null;
			}
			return new ImportedDeal(row.number(), dealId, rep, product, region, amount, arr, stage, closeDate, currency);
		}

	}

}
