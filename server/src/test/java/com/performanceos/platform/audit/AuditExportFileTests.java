package com.performanceos.platform.audit;

import com.performanceos.platform.documents.HashedFile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class AuditExportFileTests {

	private final JsonMapper json = new JsonMapper();

	@Test
	void csvQuotesFieldsWithCommasQuotesAndLineBreaksAsRfc4180Says() throws Exception {
		AuditRecord awkward = record(1, "O'Brien, \"the\" admin\r\nsecond line", "{\"name\": \"a,b\"}");
		HashedFile file = write(Flux.just(awkward), AuditExportFormat.CSV, 10).block();
		try {
			String csv = Files.readString(file.path(), StandardCharsets.UTF_8);
			assertThat(csv).startsWith("sequence,id,occurredAt,actor,action,targetType,targetId,sourceAddress,before,after,"
					+ "previousHash,hash\r\n1,");
			assertThat(csv).contains(",\"O'Brien, \"\"the\"\" admin\r\nsecond line\",ledger.account.created,Account,,,,"
					+ "\"{\"\"name\"\": \"\"a,b\"\"}\",");
			assertThat(csv).endsWith("\r\n");
			assertThat(file.rowCount()).isEqualTo(1);
		}
		finally {
			file.delete();
		}
	}

	@Test
	void digestAndSizeCoverExactlyTheBytesOfTheFile() throws Exception {
		HashedFile file = write(Flux.range(1, 3).map(sequence -> record(sequence, "alice", "{\"n\": 1.10}")), AuditExportFormat.JSON, 10)
			.block();
		try {
			byte[] bytes = Files.readAllBytes(file.path());
			assertThat(file.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
			assertThat(file.sizeBytes()).isEqualTo(bytes.length);
			JsonNode records = json.readTree(bytes);
			assertThat(records.size()).isEqualTo(3);
			assertThat(records.get(2).get("sequence").asLong()).isEqualTo(3);
			assertThat(records.get(0).get("targetId").isNull()).isTrue();
			// The image is embedded as stored: 1.10 stays 1.10, not the double 1.1.
			assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"after\":{\"n\": 1.10}");
		}
		finally {
			file.delete();
			assertThat(file.path()).doesNotExist();
		}
	}

	@Test
	void moreRecordsThanTheLimitFailTheExport() {
		StepVerifier.create(write(Flux.range(1, 5).map(sequence -> record(sequence, "alice", null)), AuditExportFormat.CSV, 4))
			.expectError(HashedFile.TooManyRowsException.class)
			.verify();
	}

	private reactor.core.publisher.Mono<HashedFile> write(Flux<AuditRecord> records, AuditExportFormat format, long max) {
		return HashedFile.write(records, format.extension(), out -> format.open(out, json), max);
	}

	private static AuditRecord record(long sequence, String actor, String afterJson) {
		return new AuditRecord(UUID.randomUUID(), sequence, Instant.parse("2026-11-21T14:24:00.123456Z"), actor,
				"ledger.account.created", "Account", null, null, null, afterJson, "0".repeat(64), "f".repeat(64));
	}

}
