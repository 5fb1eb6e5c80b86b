package com.performanceos.platform.audit;

import java.io.OutputStream;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JSON array of objects, streamed record by record through a single generator. The images are
 * embedded as raw JSON values exactly as PostgreSQL normalised and hashed them, so no number or key
 * order is changed on the way out.
 */
final class JsonAuditExportWriter implements AuditExportWriter {

	private final JsonGenerator generator;

	JsonAuditExportWriter(OutputStream out, JsonMapper json) {
		this.generator = json.createGenerator(out);
		this.generator.writeStartArray();
	}

	@Override
	public void write(AuditRecord record) {
		generator.writeStartObject();
		generator.writeNumberProperty(COLUMNS[0], record.sequence());
		generator.writeStringProperty(COLUMNS[1], record.id());
		generator.writeStringProperty(COLUMNS[2], record.occurredAt().toString());
		generator.writeStringProperty(COLUMNS[3], record.actor());
		generator.writeStringProperty(COLUMNS[4], record.action());
		generator.writeStringProperty(COLUMNS[5], record.targetType());
		generator.writeStringProperty(COLUMNS[6], record.targetId());
		generator.writeStringProperty(COLUMNS[7], record.sourceAddress());
		rawProperty(COLUMNS[8], record.beforeJson());
		rawProperty(COLUMNS[9], record.afterJson());
		generator.writeStringProperty(COLUMNS[10], record.previousHash());
		generator.writeStringProperty(COLUMNS[11], record.hash());
		generator.writeEndObject();
	}

	@Override
	public void finish() {
		generator.writeEndArray();
		generator.flush();
	}

	private void rawProperty(String name, @Nullable String json) {
		generator.writeName(name);
		if (json == null) {
			generator.writeNull();
		}
		else {
			generator.writeRawValue(json);
		}
	}

}
