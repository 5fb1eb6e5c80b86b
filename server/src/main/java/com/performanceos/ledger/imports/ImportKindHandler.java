package com.performanceos.ledger.imports;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import reactor.core.publisher.Mono;

import com.performanceos.platform.security.Role;
import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * Everything specific to one kind of file: which fields it needs, who may import it, how its rows
 * are validated and how they are applied. Adding a kind is adding one implementation (and its
 * value in {@link ImportKind} and the schema); reading, reporting, control totals, idempotency and
 * progress are shared.
 */
interface ImportKindHandler {

	ImportKind kind();

	/** Fields that must be mapped to a column. */
	Set<ImportField> requiredFields();

	/** Fields that may be mapped besides the required ones. */
	Set<ImportField> optionalFields();

	/** Roles allowed to import this kind. */
	Set<Role> roles();

	/** A rule the mapping must also satisfy (e.g. an amount as one signed column or as debit/credit); null when fine. */
	default @org.jspecify.annotations.Nullable String checkMapping(Set<ImportField> mapped) {
		return null;
	}

	/** Starts a run over one file; the run keeps whatever state spans rows. */
	Run begin(ImportContext context);

	/**
	 * One pass of validation over every chunk of rows, then one pass of application over the same
	 * chunks again (after validation found no error). Both passes run in one transaction each.
	 */
	interface Run {

		/** Checks a chunk of rows (in file order), reporting problems. */
		Mono<Void> validate(TenantTransaction tx, List<SourceRow> chunk, ImportReport report);

		/** Checks what needs every row to have been seen. */
		Mono<Void> endValidation(TenantTransaction tx, ImportReport report);

		/** The sum the client's control amount is compared with, over the rows validated. */
		BigDecimal amountSum();

		/** Writes a chunk of validated rows; returns how many records it wrote (entries, deals...). */
		Mono<Long> apply(TenantTransaction tx, List<SourceRow> chunk);

		/** Writes what is still pending after the last chunk; returns how many records it wrote. */
		Mono<Long> endApply(TenantTransaction tx);

	}

}
