package com.performanceos.ledger.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.platform.security.Role;

/** Deals from a CRM export, one per deal id, stored in {@code ledger_deal} for the rules domain. */
@Component
final class DealsImport implements ImportKindHandler {

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
		return new DealsRun(context);
	}

	private record Deal(int row, String dealId, String rep, String product, String region, BigDecimal amount, BigDecimal arr,
			DealStage stage, LocalDate closeDate, Currency currency) {
	}

	private static final class DealsRun extends KeyedRecordsRun<Deal> {

		DealsRun(ImportContext context) {
			super(context);
		}

		@Override
		String key(Deal deal) {
			return deal.dealId();
		}

		@Override
		int rowNumber(Deal deal) {
			return deal.row();
		}

		@Override
		BigDecimal amount(Deal deal) {
			return deal.amount();
		}

		@Override
		ImportField keyField() {
			return ImportField.DEAL_ID;
		}

		@Override
		String describe(Deal deal) {
			return "Deal '" + deal.dealId() + "'";
		}

		@Override
		Flux<String> alreadyImported(DatabaseClient db, Collection<Deal> deals) {
			return db.sql("SELECT deal_ref FROM ledger_deal WHERE deal_ref = ANY(:refs)")
				.bind("refs", deals.stream().map(Deal::dealId).toArray(String[]::new))
				.map(row -> row.get("deal_ref", String.class))
				.all();
		}

		@Override
		Mono<Long> insert(DatabaseClient db, List<Deal> deals) {
			return db.sql("""
					INSERT INTO ledger_deal (tenant_id, id, deal_ref, rep, product, region, amount, arr, stage, close_date, currency,
					                         import_id, source_row)
					SELECT :tenant, id, deal_ref, rep, product, region, amount, arr, stage, close_date, currency, :import, source_row
					FROM unnest(CAST(:ids AS uuid[]), CAST(:refs AS text[]), CAST(:reps AS text[]), CAST(:products AS text[]),
					            CAST(:regions AS text[]), CAST(:amounts AS numeric[]), CAST(:arrs AS numeric[]), CAST(:stages AS text[]),
					            CAST(:dates AS date[]), CAST(:currencies AS text[]), CAST(:rows AS int[]))
					     AS d(id, deal_ref, rep, product, region, amount, arr, stage, close_date, currency, source_row)""")
				.bind("tenant", context.viewer().tenant())
				.bind("import", context.importKey())
				.bind("ids", deals.stream().map(deal -> UUID.randomUUID()).toArray(UUID[]::new))
				.bind("refs", deals.stream().map(Deal::dealId).toArray(String[]::new))
				.bind("reps", deals.stream().map(Deal::rep).toArray(String[]::new))
				.bind("products", deals.stream().map(Deal::product).toArray(String[]::new))
				.bind("regions", deals.stream().map(Deal::region).toArray(String[]::new))
				.bind("amounts", deals.stream().map(deal -> deal.amount().toPlainString()).toArray(String[]::new))
				.bind("arrs", deals.stream().map(deal -> deal.arr().toPlainString()).toArray(String[]::new))
				.bind("stages", deals.stream().map(deal -> deal.stage().name()).toArray(String[]::new))
				.bind("dates", deals.stream().map(Deal::closeDate).toArray(LocalDate[]::new))
				.bind("currencies", deals.stream().map(deal -> deal.currency().getCurrencyCode()).toArray(String[]::new))
				.bind("rows", deals.stream().map(Deal::row).toArray(Integer[]::new))
				.fetch()
				.rowsUpdated();
		}

		@Override
		@Nullable Deal parse(SourceRow row, ImportReport report) {
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
			return new Deal(row.number(), dealId, rep, product, region, amount, arr, stage, closeDate, currency);
		}

	}

}
