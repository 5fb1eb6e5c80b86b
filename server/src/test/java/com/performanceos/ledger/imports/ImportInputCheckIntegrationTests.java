package com.performanceos.ledger.imports;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.performanceos.platform.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Cells PostgreSQL or analytics cannot hold are row problems naming row and column, and the file is
 * applied not at all: NUL (and other controls) in any cell, controls in identifier cells, dates outside
 * the supported range. Before, a NUL made the import end "failed unexpectedly".
 */
class ImportInputCheckIntegrationTests extends ImportIntegrationSupport {

	private static final Map<String, String> MAPPING = Map.of("Piece", "ENTRY_REFERENCE", "Date", "EFFECTIVE_DATE", "Compte",
			"ACCOUNT_CODE", "Debit", "DEBIT", "Credit", "CREDIT", "Devise", "CURRENCY", "Libelle", "MEMO");

	private static final Map<String, Object> OPTIONS = Map.of("delimiter", ";", "decimalSeparator", "COMMA", "dateFormat", "dd/MM/yyyy");

	@Test
	void controlCharactersAndOutOfRangeDatesAreRowProblemsAndNothingIsApplied() {
		String tenant = newTenant("import-input");
		var finance = tester(tenant, Role.FINANCE);
		account(finance, "411000", "ASSET");
		account(finance, "706000", "REVENUE");
		String file = "Piece;Date;Compte;Debit;Credit;Devise;Libelle\n"
				+ "F-1;02/03/2026;411000;120,00;;EUR;Relance\u0000client\n"
				+ "F-1;31/12/9999;706000;;120,00;EUR;Vente\n"
				+ "F-2;02/03/2026;411\u0001000;50,00;;EUR;Vente\tcomptoir\n"
				+ "F-2;30/02/2026;706000;;50,00;EUR;Vente\n";
		Started started = start(finance, "input", "JOURNAL_LINES", "input.csv", MAPPING, 4, "170", OPTIONS);
		upload(tenant, Role.FINANCE, started.uploadUrl(), file).expectStatus().isAccepted();
		Map<String, Object> finished = awaitFinished(finance, started.id());
		assertThat(finished).containsEntry("status", "FAILED").containsEntry("recordCount", 0);
		assertThat(located(finished)).contains(tuple(1, "Libelle", "INVALID_VALUE"), tuple(2, "Date", "INVALID_DATE"),
				tuple(3, "Compte", "INVALID_VALUE"), tuple(4, "Date", "INVALID_DATE"));
		assertThat(problems(finished).toString()).contains("U+0000", "1970-01-01 and 2099-12-31").doesNotContain("\u0000");
	}

}
