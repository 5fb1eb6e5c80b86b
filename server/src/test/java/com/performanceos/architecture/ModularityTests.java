package com.performanceos.architecture;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module boundaries of the server: {@code platform} stands below every domain and knows none
 * of them; domains do not form cycles; the domains built on the ledger use only its published
 * API.
 */
class ModularityTests {

	private static JavaClasses classes;

	@BeforeAll
	static void importClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("com.performanceos");
	}

	@Test
	void platformDependsOnNoDomain() {
		noClasses().that().resideInAPackage("com.performanceos.platform..")
			.should().dependOnClassesThat().resideInAnyPackage("com.performanceos.ledger..", "com.performanceos.rules..",
					"com.performanceos.scenarios..", "com.performanceos.tenders..")
			.check(classes);
	}

	@Test
	void topLevelModulesHaveNoCycles() {
		slices().matching("com.performanceos.(*)..").should().beFreeOfCycles().check(classes);
	}

	/**
	 * Inside a domain, concepts depend one way: where two need each other, the owner publishes a
	 * port the other implements (the periods' {@code TrialBalanceSource}, which the journal's totals
	 * implement while the journal asks the periods for closed months).
	 */
	@Test
	void domainPackagesHaveNoCycles() {
		slices().matching("com.performanceos.(**)").should().beFreeOfCycles().check(classes);
	}

	@Test
	void platformPackagesHaveNoCycles() {
		slices().matching("com.performanceos.platform.(*)..").should().beFreeOfCycles().check(classes);
	}

	/**
	 * What the domains built on the ledger ({@code rules}, {@code scenarios}, {@code tenders}) may
	 * use of it: its published API, listed here, and nothing else. A type joins the list by a
	 * decision recorded in ADR 0007, not by being made public.
	 */
	@Test
	void laterDomainsUseOnlyTheLedgersPublishedApi() {
		noClasses().that().resideInAnyPackage("com.performanceos.rules..", "com.performanceos.scenarios..", "com.performanceos.tenders..")
			.should().dependOnClassesThat(DescribedPredicate.describe("ledger types outside its published API",
					(JavaClass type) -> type.getPackageName().startsWith("com.performanceos.ledger")
							&& !LEDGER_PUBLISHED_API.contains(type.getName().replaceAll("\\$.*", ""))))
			.allowEmptyShould(true)
			.check(classes);
	}

	/** What the cash scenarios may use of the rules module: its published what-if port (ADR 0007), nothing else. */
	@Test
	void scenariosUseOnlyWhatRulesPublishesToThem() {
		noClasses().that().resideInAPackage("com.performanceos.scenarios..")
			.should().dependOnClassesThat(DescribedPredicate.describe("rules types outside what it publishes to scenarios",
					(JavaClass type) -> type.getPackageName().startsWith("com.performanceos.rules")
							&& !RULES_PUBLISHED_TO_SCENARIOS.contains(type.getName().replaceAll("\\$.*", ""))))
			.allowEmptyShould(true)
			.check(classes);
	}

	/** The rules module's API for the cash scenarios (ADR 0007). */
	static final Set<String> RULES_PUBLISHED_TO_SCENARIOS = Set.of("com.performanceos.rules.commissions.variants.PlanVariants");

	/** The ledger's published API for other domains (ADR 0007). */
	static final Set<String> LEDGER_PUBLISHED_API = Set.of("com.performanceos.ledger.accounts.AccountDirectory",
			"com.performanceos.ledger.accounts.Account", "com.performanceos.ledger.accounts.AccountType",
			"com.performanceos.ledger.journal.JournalPosting", "com.performanceos.ledger.journal.JournalDraft",
			"com.performanceos.ledger.journal.JournalProblem", "com.performanceos.ledger.journal.JournalErrorCode",
			"com.performanceos.ledger.journal.EntrySide", "com.performanceos.ledger.dimensions.DimensionValueInput",
			"com.performanceos.ledger.accounts.AccountCreated", "com.performanceos.ledger.journal.JournalEntryPosted",
			"com.performanceos.ledger.journal.JournalEntriesPosted", "com.performanceos.ledger.bank.CashPositionChanged",
			"com.performanceos.ledger.imports.SalesImportSink", "com.performanceos.ledger.imports.DealStage",
			"com.performanceos.ledger.receivables.invoices.OpenInvoices", "com.performanceos.ledger.bank.BankPositions",
			"com.performanceos.ledger.receivables.invoices.InvoiceCreated", "com.performanceos.ledger.receivables.invoices.InvoicePaymentRecorded");

}
