package com.performanceos.ledger.receivables.aging;

import java.time.LocalDate;
import java.util.Currency;

import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.receivables.invoices.InvoiceAging;
import com.performanceos.ledger.receivables.invoices.InvoiceKind;
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;

/**
 * {@code aging}: the invoices' {@link InvoiceAging} computes every row of the page, its buckets and
 * the total row count in one statement; this maps them to the schema's rows.
 */
@Controller
class AgingController {

	private final TenantDatabase database;

	private final InvoiceAging invoices;

	AgingController(TenantDatabase database, InvoiceAging invoices) {
		this.database = database;
		this.invoices = invoices;
	}

	@QueryMapping
	Mono<Connection<AgingRow>> aging(@Argument InvoiceKind kind, @Argument LocalDate asOf, @Argument AgingGroupBy groupBy,
			@Argument @Nullable Integer first, @Argument @Nullable String after, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		PageRequest page = PageRequest.of(first, after, null, null);
		InvoiceAging.Cursor cursor = page.cursorKey() == null ? null : cursor(page.cursorKey());
		return database.run(viewer.tenant(), tx -> invoices.page(tx, kind, asOf, groupBy.grouping(), cursor, page.size()))
			.map(found -> Connection.fromKeyset(page, found.groups().stream().map(AgingController::toRow).toList(), AgingRow::cursorKey,
					found.totalCount()));
	}

	private static InvoiceAging.Cursor cursor(String key) {
		int separator = key.lastIndexOf(AgingRow.CURSOR_SEPARATOR);
		if (separator < 0) {
			throw new GraphQlException(ErrorCode.BAD_USER_INPUT, "Not an aging cursor returned by this API");
		}
		return new InvoiceAging.Cursor(key.substring(0, separator), key.substring(separator + 1));
	}

	private static AgingRow toRow(InvoiceAging.Group group) {
		return new AgingRow(group.key(), group.name(), Currency.getInstance(group.currency()), group.bucketAmounts(), group.invoiceCount());
	}

}
