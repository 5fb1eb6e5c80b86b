package com.performanceos.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module boundaries of the server: {@code platform} stands below every domain and knows none
 * of them; domains do not form cycles; nothing outside a domain reaches into its
 * {@code internal} packages.
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

	@Test
	void platformPackagesHaveNoCycles() {
		slices().matching("com.performanceos.platform.(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void internalPackagesAreReachedOnlyFromTheirOwnModule() {
		for (String module : new String[] { "platform", "ledger", "rules", "scenarios", "tenders" }) {
			noClasses().that().resideOutsideOfPackage("com.performanceos." + module + "..")
				.should().dependOnClassesThat().resideInAPackage("com.performanceos." + module + "..internal..")
				.allowEmptyShould(true)
				.check(classes);
		}
	}

}
