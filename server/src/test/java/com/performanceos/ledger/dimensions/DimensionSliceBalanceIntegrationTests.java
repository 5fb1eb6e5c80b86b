package com.performanceos.ledger.dimensions;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Balances of dimension slices against a hand-computed fixture (bank 512000 debit / sales 706000
 * credit, each line with its own values):
 * <pre>
 *   E1  2026-03-10  100  bank {REGION=IDF, PRODUCT=SAAS}     sales {REGION=IDF, PRODUCT=SAAS}   (knownAt T1 = its postedAt)
 *   E2  2026-03-12   40  bank {REGION=ARA, PRODUCT=SAAS}     sales {REGION=ARA}
 *   E3  2026-03-15   25  bank {REGION=IDF, PRODUCT=CONSEIL}  sales {}
 *   E4  2026-04-02    7  bank {REGION=IDF, PRODUCT=SAAS}     sales {REGION=IDF}
 *
 *   as of 03-31, REGION=IDF               bank 100 + 25 = 125 (2 lines)   sales -100
 *   as of 03-31, REGION=IDF & PRODUCT=SAAS bank 100                         sales -100
 *   as of 04-30, PRODUCT=SAAS             bank 100 + 40 + 7 = 147          sales -100 (only E1's line has PRODUCT)
 *   as of 04-30, REGION=ARA               bank 40                          sales -40
 *   as of 04-30, REGION=IDF, known at T1  bank 100
 *   no slice, as of 03-31                 bank 165
 *   after reversing E1 on 03-20 (the reversal carries E1's values): IDF & SAAS as of 03-31 → bank 0 over 2 lines
 * </pre>
 */
class DimensionSliceBalanceIntegrationTests extends IntegrationTest {

	@Test
	void sliceBalancesMatchHandComputedValuesOnBothTimeAxes() {
		GraphQlTester finance = graphQl(newTenant("slice"), Role.FINANCE);
		DimensionFixture ledger = DimensionFixture.standard(finance);
		Map<String, String> idf = ledger.value("REGION", "IDF");
		Map<String, String> ara = ledger.value("REGION", "ARA");
		Map<String, String> saas = ledger.value("PRODUCT", "SAAS");
		Map<String, String> conseil = ledger.value("PRODUCT", "CONSEIL");
		var e1 = ledger.post("e1", "2026-03-10", "100", List.of(idf, saas), List.of(saas, idf));
		String e1Id = e1.path("postJournalEntry.entry.id").entity(String.class).get();
		String knownAtT1 = e1.path("postJournalEntry.entry.postedAt").entity(String.class).get();
		ledger.post("e2", "2026-03-12", "40", List.of(ara, saas), List.of(ara));
		ledger.post("e3", "2026-03-15", "25", List.of(idf, conseil), List.of());
		ledger.post("e4", "2026-04-02", "7", List.of(idf, saas), List.of(idf));

		assertThat(ledger.sliceNet("2026-03-31", null, List.of(idf), "512000")).isEqualByComparingTo("125");
		assertThat(ledger.sliceLineCount("2026-03-31", List.of(idf), "512000")).isEqualTo(2);
		assertThat(ledger.sliceNet("2026-03-31", null, List.of(idf), "706000")).isEqualByComparingTo("-100");
		assertThat(ledger.sliceNet("2026-03-31", null, List.of(idf, saas), "512000")).isEqualByComparingTo("100");
		assertThat(ledger.sliceNet("2026-03-31", null, List.of(saas, idf), "706000")).isEqualByComparingTo("-100");
		assertThat(ledger.sliceNet("2026-04-30", null, List.of(saas), "512000")).isEqualByComparingTo("147");
		assertThat(ledger.sliceNet("2026-04-30", null, List.of(saas), "706000")).isEqualByComparingTo("-100");
		assertThat(ledger.sliceNet("2026-04-30", null, List.of(ara), "512000")).isEqualByComparingTo("40");
		assertThat(ledger.sliceNet("2026-04-30", null, List.of(ara), "706000")).isEqualByComparingTo("-40");
		assertThat(ledger.sliceNet("2026-04-30", knownAtT1, List.of(idf), "512000")).isEqualByComparingTo("100");
		assertThat(ledger.sliceNet("2026-03-31", null, List.of(), "512000")).isEqualByComparingTo("165");

		finance.documentName("reverseJournalEntry")
			.variable("input", Map.of("idempotencyKey", "r1", "entryId", e1Id, "effectiveDate", "2026-03-20", "reason", "Duplicate"))
			.execute().path("reverseJournalEntry.userErrors").entityList(Object.class).hasSize(0);
		assertThat(ledger.sliceNet("2026-03-31", null, List.of(idf, saas), "512000")).isEqualByComparingTo("0");
		assertThat(ledger.sliceLineCount("2026-03-31", List.of(idf, saas), "512000")).isEqualTo(2);
	}

	@Test
	void aSliceNamingAnUnknownMemberOrOneDimensionTwiceIsABadRequest() {
		GraphQlTester finance = graphQl(newTenant("slice-bad"), Role.FINANCE);
		DimensionFixture ledger = DimensionFixture.standard(finance);
		for (List<Map<String, String>> slice : List.of(List.of(ledger.value("REGION", "BZH")),
				List.of(ledger.value("REGION", "IDF"), ledger.value("REGION", "ARA")))) {
			finance.documentName("coreSliceBalances").variable("asOf", "2026-03-31").variable("slice", slice).execute()
				.errors()
				.satisfy(errors -> assertThat(errors).singleElement()
					.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT")));
		}
	}

}
