package com.performanceos.ledger.imports;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import com.performanceos.platform.ai.AiIntegrationTest;
import com.performanceos.platform.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mapping suggestions for an uploaded file: the model's answer kept only where it names the file's columns and the
 * import's fields, personal data pseudonymised before the prompt leaves, and a deterministic suggestion from the
 * columns' names whenever the model cannot help, so that nothing blocks the import.
 */
class ImportMappingSuggestionIntegrationTests extends AiIntegrationTest {

	private static final String SUGGEST = """
			query($input: SuggestImportMappingInput!) { suggestImportMapping(input: $input) {
			  columns { column field confidence } source fallbackReason model missingRequired } }""";

	private static final List<String> HEADER = List.of("Opportunity", "Seller", "Item", "Zone", "Value", "Recurring", "Phase", "Won on", "Cur",
			"Contact", "Payout IBAN");

	private static final List<List<String>> SAMPLE = List.of(
			List.of("D-1", "ana", "Pro", "FR", "12000.00", "12000.00", "CLOSED_WON", "2026-03-02", "EUR", "jane.doe@example.com",
					"FR7630006000011234567890189"),
			List.of("D-2", "bob", "Basic", "DE", "800.00", "0", "OPEN", "2026-03-09", "EUR", "max@example.org", "FR76 3000 6000 0112 3456 7890 189"));

	private static GraphQlTester.Response suggest(HttpGraphQlTester tester, List<String> header) {
		return tester.document(SUGGEST).variable("input", Map.of("kind", "DEALS", "header", header, "sampleRows", SAMPLE)).execute();
	}

	private static Map<String, Object> fieldsByColumn(GraphQlTester.Response response) {
		List<Map<String, Object>> columns = response.path("suggestImportMapping.columns").entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {
		}).get();
		Map<String, Object> byColumn = new java.util.LinkedHashMap<>();
		columns.forEach(column -> byColumn.put((String) column.get("column"), column.get("field")));
		return byColumn;
	}

	@Test
	void theModelsMappingIsKeptOnlyForTheFilesColumnsAndTheImportsFieldsAndNoPersonalDataLeaves() {
		HttpGraphQlTester sam = as("sam", newTenant("mapping-ai"), Role.SALES_OPS);
		answers("mapping-deals.json");

		GraphQlTester.Response suggested = suggest(sam, HEADER);
		suggested.path("suggestImportMapping.source").entity(String.class).isEqualTo("AI")
			.path("suggestImportMapping.model").entity(String.class).isEqualTo(MODEL)
			.path("suggestImportMapping.missingRequired").entityList(String.class).hasSize(0);
		Map<String, Object> fields = fieldsByColumn(suggested);
		assertThat(fields).containsEntry("Opportunity", "DEAL_ID").containsEntry("Seller", "REP").containsEntry("Won on", "CLOSE_DATE")
			.containsEntry("Value", "AMOUNT").containsEntry("Cur", "CURRENCY")
			// A field deals do not have, and a second column for AMOUNT with less confidence, are dropped.
			.containsEntry("Contact", null).containsEntry("Payout IBAN", null);
		assertThat(fields).containsOnlyKeys(HEADER);
		assertThat(suggested.path("suggestImportMapping.columns[0].confidence").entity(String.class).get()).isEqualTo("0.95");

		assertThat(chatBodies()).hasSize(1).allSatisfy(body -> assertThat(body).doesNotContain("jane.doe@example.com", "max@example.org",
				"FR7630006000011234567890189", "FR76 3000 6000 0112 3456 7890 189").contains("EMAIL_").contains("IBAN_").contains("CLOSE_DATE"));
	}

	@Test
	void withTheProviderDownOrAnUnusableAnswerTheColumnsNamesGiveTheSuggestion() {
		HttpGraphQlTester sam = as("sam", newTenant("mapping-down"), Role.SALES_OPS);
		List<String> usualHeader = List.of("Deal", "Owner", "Product", "Region", "Amount", "ARR", "Stage", "Closed", "Currency", "Notes");
		answers("plan-not-json.txt");
		suggest(sam, usualHeader).path("suggestImportMapping.source").entity(String.class).isEqualTo("DETERMINISTIC")
			.path("suggestImportMapping.fallbackReason").entity(String.class).isEqualTo("The model's answer was not a usable mapping");

		PROVIDER.resetMappings();
		failsWith500();
		GraphQlTester.Response down = suggest(sam, usualHeader);
		down.path("suggestImportMapping.source").entity(String.class).isEqualTo("DETERMINISTIC")
			.path("suggestImportMapping.fallbackReason").entity(String.class).satisfies(reason -> assertThat(reason).contains("unavailable"))
			.path("suggestImportMapping.missingRequired").entityList(String.class).hasSize(0);
		assertThat(fieldsByColumn(down)).containsEntry("Deal", "DEAL_ID").containsEntry("Owner", "REP").containsEntry("Product", "PRODUCT")
			.containsEntry("Closed", "CLOSE_DATE").containsEntry("Amount", "AMOUNT").containsEntry("Notes", null);

		// A deals header missing the close date says so, whichever way the suggestion was made.
		suggest(sam, List.of("Deal", "Owner", "Product", "Region", "Amount", "Stage", "Currency")).path("suggestImportMapping.missingRequired")
			.entityList(String.class).contains("CLOSE_DATE");
	}

}
