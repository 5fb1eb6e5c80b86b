package com.performanceos.platform.audit;

import java.io.OutputStream;

import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The file formats of an audit export. Both carry the same columns in chain order, with the images
 * as the JSON PostgreSQL stored and hashed.
 */
enum AuditExportFormat {

	/** RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma, quote or line break. */
	CSV("csv", new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)),

	/** One JSON array of objects, one object per record, images embedded as JSON values. */
	JSON("json", MediaType.APPLICATION_JSON);

	private final String extension;

	private final MediaType mediaType;

	AuditExportFormat(String extension, MediaType mediaType) {
		this.extension = extension;
		this.mediaType = mediaType;
	}

	String extension() {
		return extension;
	}

	MediaType mediaType() {
		return mediaType;
	}

	AuditExportWriter open(OutputStream out, JsonMapper json) {
		return switch (this) {
			case CSV -> csv(out);
			case JSON -> new JsonAuditExportWriter(out, json);
		};
	}

	/** RFC 4180 CSV of the records, values as stored. */
	private static AuditExportWriter csv(java.io.OutputStream out) {
		var writer = new com.performanceos.platform.documents.CsvRowWriter<AuditRecord>(out, AuditExportWriter.COLUMNS,
				record -> new String[] { Long.toString(record.sequence()), record.id(), record.occurredAt().toString(),
						record.actor(), record.action(), record.targetType(), record.targetId(), record.sourceAddress(),
						record.beforeJson(), record.afterJson(), record.previousHash(), record.hash() });
		return new AuditExportWriter() {
			@Override
			public void write(AuditRecord record) {
				writer.write(record);
			}

			@Override
			public void finish() {
				writer.finish();
			}
		};
	}

}
