package com.performanceos.ledger.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.receivables.invoices.InvoiceIntake;
import com.performanceos.ledger.receivables.invoices.InvoiceKind;
import com.performanceos.platform.security.Role;
import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * Customer and supplier invoices, one per kind and number, recorded through {@link InvoiceIntake}
 * with the checks, audit records and events of {@code createInvoice}: aging, working capital and
 * escalation rules see an imported invoice exactly as a created one.
 */
@Component
final class InvoicesImport implements ImportKindHandler {

	private final InvoiceIntake intake;

	InvoicesImport(InvoiceIntake intake) {
		this.intake = intake;
	}

	@Override
	public ImportKind kind() {
		return ImportKind.INVOICES;
	}

	@Override
	public Set<ImportField> requiredFields() {
		return EnumSet.of(ImportField.INVOICE_NUMBER, ImportField.INVOICE_KIND, ImportField.COUNTERPARTY_CODE, ImportField.COUNTERPARTY,
				ImportField.REGION, ImportField.ISSUE_DATE, ImportField.DUE_DATE, ImportField.AMOUNT, ImportField.CURRENCY);
	}

	@Override
	public Set<ImportField> optionalFields() {
		return EnumSet.noneOf(ImportField.class);
	}

	@Override
	public Set<Role> roles() {
		return EnumSet.of(Role.ADMIN, Role.FINANCE);
	}

	@Override
	public Run begin(ImportContext context) {
		return new InvoicesRun(context, intake);
	}

	/**
	 * The kind named by a file: the schema's {@code InvoiceKind} names, or the accounting words
	 * RECEIVABLE (a customer invoice) and PAYABLE (a supplier invoice), in any case.
	 */
	static Optional<InvoiceKind> kindOf(String text) {
		return switch (text.strip().toUpperCase(Locale.ROOT)) {
			case "CUSTOMER", "RECEIVABLE" -> Optional.of(InvoiceKind.CUSTOMER);
			case "SUPPLIER", "PAYABLE" -> Optional.of(InvoiceKind.SUPPLIER);
			default -> Optional.empty();
		};
	}

	private record Row(int number, InvoiceIntake.NewInvoice invoice) {
	}

	private static final class InvoicesRun extends KeyedRecordsRun<Row> {

		private final InvoiceIntake intake;

		InvoicesRun(ImportContext context, InvoiceIntake intake) {
			super(context);
			this.intake = intake;
		}

		@Override
		String key(Row row) {
			return key(row.invoice().key());
		}

		private static String key(InvoiceIntake.Key key) {
			return key.kind().name() + '\u001f' + key.number();
		}

		@Override
		int rowNumber(Row row) {
			return row.number();
		}

		@Override
		BigDecimal amount(Row row) {
			return row.invoice().amount();
		}

		@Override
		ImportField keyField() {
			return ImportField.INVOICE_NUMBER;
		}

		@Override
		String describe(Row row) {
			return "A " + row.invoice().kind().name().toLowerCase(Locale.ROOT) + " invoice numbered '" + row.invoice().key().number() + "'";
		}

		@Override
		void reportStored(Row row, ImportReport report) {
			report.error(row.number(), context.column(ImportField.INVOICE_NUMBER), ImportProblemCode.ALREADY_EXISTS,
					describe(row) + " already exists (created or imported earlier)");
		}

		@Override
		Flux<String> alreadyImported(TenantTransaction tx, Collection<Row> rows) {
			return intake.existing(tx, rows.stream().map(row -> row.invoice().key()).toList()).map(InvoicesRun::key);
		}

		@Override
		Mono<Long> insert(TenantTransaction tx, List<Row> rows) {
			return intake.create(tx, context.viewer(), rows.stream().map(Row::invoice).toList())
				.flatMap(created -> created.size() == rows.size() ? Mono.just((long) created.size())
						: Mono.error(new ImportRefused(List.of(new ImportProblem(null, null, ImportProblemCode.ALREADY_EXISTS,
								ImportProblem.Severity.ERROR, (rows.size() - created.size()) + " invoice numbers of the file were taken meanwhile "
										+ "by another writer; import the file again to see which", null, null)))));
		}

		@Override
		@Nullable Row parse(SourceRow row, ImportReport report) {
			String number = RowChecks.required(context, row, ImportField.INVOICE_NUMBER, report);
			String kindText = RowChecks.required(context, row, ImportField.INVOICE_KIND, report);
			InvoiceKind kind = kindText == null ? null : kindOf(kindText).orElse(null);
			if (kindText != null && kind == null) {
				report.error(row.number(), context.column(ImportField.INVOICE_KIND), ImportProblemCode.INVALID_VALUE,
						"'" + kindText + "' is not an invoice kind: CUSTOMER (or RECEIVABLE) or SUPPLIER (or PAYABLE)");
			}
			String code = RowChecks.required(context, row, ImportField.COUNTERPARTY_CODE, report);
			String name = RowChecks.required(context, row, ImportField.COUNTERPARTY, report);
			String region = RowChecks.required(context, row, ImportField.REGION, report);
			LocalDate issueDate = RowChecks.date(context, row, ImportField.ISSUE_DATE, report);
			LocalDate dueDate = RowChecks.date(context, row, ImportField.DUE_DATE, report);
			BigDecimal amount = RowChecks.amount(context, row, ImportField.AMOUNT, report);
			Currency currency = RowChecks.currency(context, row, report);
			if (number == null || kind == null || code == null || name == null || region == null || issueDate == null || dueDate == null
					|| amount == null || currency == null) {
				return null;
			}
			InvoiceIntake.NewInvoice invoice = new InvoiceIntake.NewInvoice(kind, number, code, name, region, issueDate, dueDate, amount,
					currency);
			List<InvoiceIntake.Problem> problems = InvoiceIntake.check(invoice);
			problems.forEach(problem -> report.error(row.number(), context.column(field(problem.field())),
					problem.field().equals("amount") ? ImportProblemCode.INVALID_AMOUNT : ImportProblemCode.INVALID_VALUE, problem.message()));
			return problems.isEmpty() ? new Row(row.number(), invoice) : null;
		}

		private static ImportField field(String inputField) {
			return switch (inputField) {
				case "number" -> ImportField.INVOICE_NUMBER;
				case "counterpartyCode" -> ImportField.COUNTERPARTY_CODE;
				case "counterpartyName" -> ImportField.COUNTERPARTY;
				case "region" -> ImportField.REGION;
				case "dueDate" -> ImportField.DUE_DATE;
				case "amount" -> ImportField.AMOUNT;
				default -> ImportField.INVOICE_NUMBER;
			};
		}

	}

}
