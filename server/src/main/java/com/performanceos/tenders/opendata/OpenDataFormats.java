package com.performanceos.tenders.opendata;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.performanceos.tenders.contracts.Contract;

/** The two open-data formats: how each frames, builds and checks its records. */
final class OpenDataFormats {

	private OpenDataFormats() {
	}

	/** DECP 2.0.3: {@code {"marches": {"marche": [...]}}}, published on {@code publishedOn}. */
	static OpenDataWriter.Format decp(JsonMapper json, OpenDataSchemas schemas, LocalDate publishedOn) {
		return new OpenDataWriter.Format() {

			@Override
			public JsonNode record(Contract contract) {
				return DecpRecords.marche(json, contract, publishedOn);
			}

			@Override
			public List<String> problems(JsonNode record) {
				ObjectNode document = json.createObjectNode();
				document.putObject("marches").putArray("marche").add(record);
				return schemas.decpProblems(document);
			}

			@Override
			public String recordsPointer() {
				return "/marches/marche";
			}

			@Override
			public String head() {
				return "{\"marches\":{\"marche\":[";
			}

			@Override
			public String tail() {
				return "]}}";
			}

		};
	}

	/**
	 * An OCDS 1.1.5 release package: its metadata ({@code uri} of the export, publisher, date, licence), then the
	 * releases.
	 */
	static OpenDataWriter.Format ocds(JsonMapper json, OpenDataSchemas schemas, String ocidPrefix, String uri, String publisher,
			OffsetDateTime publishedAt) {
		ObjectNode metadata = json.createObjectNode();
		metadata.put("uri", uri);
		metadata.put("version", "1.1");
		metadata.put("publishedDate", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(publishedAt.withNano(0)));
		metadata.putObject("publisher").put("name", publisher);
		metadata.put("license", "https://www.etalab.gouv.fr/licence-ouverte-open-licence/");
		String metadataJson = json.writeValueAsString(metadata);
		String head = metadataJson.substring(0, metadataJson.length() - 1) + ",\"releases\":[";
		return new OpenDataWriter.Format() {

			@Override
			public JsonNode record(Contract contract) {
				return OcdsReleases.release(json, contract, ocidPrefix);
			}

			@Override
			public List<String> problems(JsonNode record) {
				ObjectNode document = metadata.deepCopy();
				document.putArray("releases").add(record);
				return schemas.ocdsProblems(document);
			}

			@Override
			public String recordsPointer() {
				return "/releases";
			}

			@Override
			public String head() {
				return head;
			}

			@Override
			public String tail() {
				return "]}";
			}

		};
	}

}
