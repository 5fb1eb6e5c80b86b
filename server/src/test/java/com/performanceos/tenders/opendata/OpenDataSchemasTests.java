package com.performanceos.tenders.opendata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.performanceos.tenders.ReferenceDataFiles;

import static org.assertj.core.api.Assertions.assertThat;

/** The schemas the exports are checked against accept the published worked examples and name what a broken document breaks. */
class OpenDataSchemasTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final OpenDataSchemas schemas = new OpenDataSchemas();

	@Test
	void acceptsTheDecpExamplesOfTheSchemaPublisher() throws IOException {
		for (String example : List.of("example_marches_avec_modifications.json", "example_marches_concessions.json")) {
			assertThat(schemas.decpProblems(JSON.readTree(Files.readString(referenceData().resolve("decp").resolve(example)))))
				.as(example).isEmpty();
		}
	}

	@Test
	void namesTheFieldsABrokenDecpRecordBreaks() throws IOException {
		ObjectNode document = (ObjectNode) JSON.readTree(Files.readString(referenceData().resolve("decp/example_marches_avec_modifications.json")));
		ObjectNode second = (ObjectNode) document.get("marches").get("marche").get(1);
		second.put("id", "AN-IDENTIFIER-OF-MORE-THAN-16");
		second.remove("dureeMois");

		assertThat(schemas.decpProblems(document)).anySatisfy(problem -> assertThat(problem).startsWith("/marches/marche/1/id: "))
			.anySatisfy(problem -> assertThat(problem).startsWith("/marches/marche/1: ").contains("dureeMois"));
	}

	@Test
	void acceptsTheOcdsWorkedExamplesWithTheReleaseSchemaResolvedLocally() throws IOException {
		try (Stream<Path> examples = Files.list(referenceData().resolve("ocds/examples"))) {
			for (Path example : examples.toList()) {
				assertThat(schemas.ocdsProblems(JSON.readTree(Files.readString(example)))).as(example.getFileName().toString()).isEmpty();
			}
		}
	}

	@Test
	void checksReleasesAgainstTheReleaseSchemaNotOnlyThePackage() throws IOException {
		ObjectNode releasePackage = (ObjectNode) JSON.readTree(Files.readString(referenceData().resolve("ocds/examples/worked-example-1-3-award.json")));
		ObjectNode release = (ObjectNode) releasePackage.get("releases").get(0);
		release.remove("ocid");
		release.put("date", "the third of June");

		assertThat(schemas.ocdsProblems(releasePackage)).anySatisfy(problem -> assertThat(problem).startsWith("/releases/0: ").contains("ocid"))
			.anySatisfy(problem -> assertThat(problem).startsWith("/releases/0/date: "));
	}

	private static Path referenceData() {
		return ReferenceDataFiles.root();
	}

}
