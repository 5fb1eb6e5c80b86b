package com.performanceos.ledger.dimensions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import com.performanceos.ledger.journal.EntrySide;
import com.performanceos.ledger.journal.JournalDraft;
import com.performanceos.ledger.journal.JournalErrorCode;
import com.performanceos.ledger.journal.JournalPosting;
import com.performanceos.ledger.journal.JournalProblem;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.Money;
import com.performanceos.platform.security.Role;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DimensionIntegrationTests extends IntegrationTest {

	@Autowired
	JournalPosting posting;

	@Autowired
	TenantDatabase database;

	@Test
	void createsDimensionsAndMembersIdempotentlyAndRefusesDuplicates() {
		GraphQlTester finance = graphQl(newTenant("dim-crud"), Role.FINANCE);
		String region = DimensionFixture.dimension(finance, "k-region", "REGION", "Région");
		DimensionFixture.createDimension(finance, "k-region", "REGION", "Région")
			.path("createDimension.dimension.id").entity(String.class).isEqualTo(region);
		DimensionFixture.createDimension(finance, "k-region", "REGION", "Another name")
			.path("createDimension.userErrors[0].code").entity(String.class).isEqualTo("IDEMPOTENCY_CONFLICT");
		DimensionFixture.createDimension(finance, "k-region-2", "REGION", "Région")
			.path("createDimension.userErrors[0].code").entity(String.class).isEqualTo("DUPLICATE_DIMENSION_CODE");
		DimensionFixture.createDimension(finance, "k-lower", "region", "Région")
			.path("createDimension.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
			.path("createDimension.userErrors[0].field").entity(List.class).isEqualTo(List.of("input", "code"));
		DimensionFixture.member(finance, region, "IDF", "Île-de-France");
		DimensionFixture.member(finance, region, "ARA", "Auvergne-Rhône-Alpes");
		DimensionFixture.createMember(finance, "again", region, "IDF", "Paris")
			.path("createDimensionMember.userErrors[0].code").entity(String.class).isEqualTo("DUPLICATE_MEMBER_CODE");

		finance.documentName("coreDimensions").execute()
			.path("dimensions.totalCount").entity(Integer.class).isEqualTo(1)
			.path("dimensions.nodes[0].code").entity(String.class).isEqualTo("REGION")
			.path("dimensions.nodes[0].members.totalCount").entity(Integer.class).isEqualTo(2)
			.path("dimensions.nodes[0].members.nodes[*].code").entityList(String.class).containsExactly("ARA", "IDF")
			.path("dimensions.nodes[0].members.nodes[1].dimension.code").entity(String.class).isEqualTo("REGION");
	}

	@Test
	void anotherTenantNeitherSeesNorExtendsTheDimensions() {
		GraphQlTester a = graphQl(newTenant("dim-a"), Role.FINANCE);
		String region = DimensionFixture.dimension(a, "k", "REGION", "Région");
		GraphQlTester b = graphQl(newTenant("dim-b"), Role.ADMIN);
		b.documentName("coreDimensions").execute().path("dimensions.totalCount").entity(Integer.class).isEqualTo(0);
		DimensionFixture.createMember(b, "k", region, "IDF", "Île-de-France")
			.path("createDimensionMember.userErrors[0].code").entity(String.class).isEqualTo("UNKNOWN_DIMENSION");
		b.documentName("node").variable("id", region).execute().path("node").valueIsNull();
	}

	@Test
	void linesCarryTheirDimensionValuesAndUnknownMembersAreRefusedStoringNothing() {
		GraphQlTester finance = graphQl(newTenant("dim-lines"), Role.FINANCE);
		DimensionFixture ledger = DimensionFixture.standard(finance);
		ledger.post("ok", "2026-03-10", "100", List.of(ledger.value("REGION", "IDF"), ledger.value("PRODUCT", "SAAS")), List.of())
			.path("postJournalEntry.userErrors").entityList(Object.class).hasSize(0)
			.path("postJournalEntry.entry.lines[0].dimensions[*].dimensionCode").entityList(String.class).containsExactly("PRODUCT", "REGION")
			.path("postJournalEntry.entry.lines[0].dimensions[1].member.name").entity(String.class).isEqualTo("Île-de-France")
			.path("postJournalEntry.entry.lines[1].dimensions").entityList(Object.class).hasSize(0);

		ledger.post("unknown", "2026-03-10", "5", List.of(ledger.value("REGION", "IDF")), List.of(ledger.value("REGION", "BZH")))
			.path("postJournalEntry.entry").valueIsNull()
			.path("postJournalEntry.userErrors[0].code").entity(String.class).isEqualTo("UNKNOWN_DIMENSION_MEMBER")
			.path("postJournalEntry.userErrors[0].field").entity(List.class).isEqualTo(List.of("input", "lines", "1", "dimensions", "0"));
		ledger.post("unknown-dimension", "2026-03-10", "5", List.of(ledger.value("COLOUR", "IDF")), List.of())
			.path("postJournalEntry.userErrors[0].code").entity(String.class).isEqualTo("UNKNOWN_DIMENSION_MEMBER");
		ledger.post("twice", "2026-03-10", "5", List.of(ledger.value("REGION", "IDF"), ledger.value("REGION", "ARA")), List.of())
			.path("postJournalEntry.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
			.path("postJournalEntry.userErrors[0].field").entity(List.class).isEqualTo(List.of("input", "lines", "0", "dimensions"));
		assertThat(ledger.entryCount()).isEqualTo(1);
	}

	@Test
	void journalPostingAcceptsDimensionValuesAndRefusesUnknownOnes() {
		String tenant = newTenant("dim-posting");
		GraphQlTester finance = graphQl(tenant, Role.FINANCE);
		DimensionFixture ledger = DimensionFixture.standard(finance);
		UUID bank = GlobalId.decode(ledger.bank, "Account").orElseThrow();
		UUID sales = GlobalId.decode(ledger.sales, "Account").orElseThrow();
		Currency eur = Currency.getInstance("EUR");
		List<UUID> keys = database.run(tenant, tx -> posting.post(tx, List.of(new JournalDraft(
				LocalDate.parse("2026-03-03"), "Imported", null, List.of(
						new JournalDraft.Line(bank, EntrySide.DEBIT, new Money(new BigDecimal("12.00"), eur), null,
								List.of(new DimensionValueInput("REGION", "ARA"))),
						new JournalDraft.Line(sales, EntrySide.CREDIT, new Money(new BigDecimal("12.00"), eur), null)))), null)).block();
		assertThat(keys).hasSize(1);
		assertThat(ledger.sliceNet("2026-03-31", null, List.of(ledger.value("REGION", "ARA")), "512000")).isEqualByComparingTo("12.00");
		assertThatThrownBy(() -> database.run(tenant, tx -> posting.post(tx, List.of(new JournalDraft(
				LocalDate.parse("2026-03-03"), "Imported", null, List.of(
						new JournalDraft.Line(bank, EntrySide.DEBIT, new Money(BigDecimal.ONE, eur), null, List.of(new DimensionValueInput("REGION", "XX"))),
						new JournalDraft.Line(sales, EntrySide.CREDIT, new Money(BigDecimal.ONE, eur), null)))), null)).block())
			.isInstanceOfSatisfying(JournalPosting.Rejected.class,
					rejected -> assertThat(rejected.problems()).extracting(JournalProblem::code).containsExactly(JournalErrorCode.UNKNOWN_DIMENSION_MEMBER));
		assertThat(ledger.entryCount()).isEqualTo(1);
	}

}
