package com.performanceos.ledger.imports;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.idempotency.IdempotencyKeys;
import com.performanceos.platform.mutations.Idempotency;
import com.performanceos.platform.mutations.Mutations;
import com.performanceos.platform.mutations.Outcome;
import com.performanceos.platform.jobs.Jobs;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;

/** Starts imports, receives their files and hands them to a job. */
@Service
class ImportService {

	static final String JOB_KIND = "ledger.import";

	private final TenantDatabase database;

	private final ImportStore store;

	private final ImportFiles files;

	private final ImportRunner runner;

	private final Jobs jobs;

	private final Mutations mutations;

	private final JsonMapper json;

	private final Map<ImportKind, ImportKindHandler> handlers = new EnumMap<>(ImportKind.class);

	ImportService(TenantDatabase database, ImportStore store, ImportFiles files, ImportRunner runner, Jobs jobs,
			Mutations mutations, JsonMapper json, List<ImportKindHandler> handlers) {
		this.database = database;
		this.store = store;
		this.files = files;
		this.runner = runner;
		this.jobs = jobs;
		this.mutations = mutations;
		this.json = json;
		handlers.forEach(handler -> this.handlers.put(handler.kind(), handler));
	}

	ImportKindHandler handler(ImportKind kind) {
		ImportKindHandler handler = handlers.get(kind);
		if (handler == null) {
			throw new IllegalStateException("No handler for import kind " + kind);
		}
		return handler;
	}

	Mono<StartImport.Payload> start(Viewer viewer, StartImport.Input input, @Nullable String sourceAddress) {
		return Mutations.unlessInvalid(input.validate(handler(input.kind())), StartImport.Payload::failed,
				() -> mutations.idempotent(viewer.tenant(), new Idempotency<>(StartImport.OPERATION, input.idempotencyKey(), input.fingerprint(),
						() -> StartImport.Payload.failed(List.of(new StartImport.Error(StartImport.ErrorCode.IDEMPOTENCY_CONFLICT,
								IdempotencyKeys.CONFLICT_MESSAGE, List.of("input", "idempotencyKey")))),
						(tx, key) -> store.load(tx.db(), List.of(key)).map(found -> StartImport.Payload.started(found.get(key)))),
						tx -> store.insert(tx, viewer.subject(), input, json.writeValueAsString(input.mappingImage()),
								json.writeValueAsString(optionsImage(input.fileOptions())))
							.map(started -> Outcome.committed(StartImport.Payload.started(started), started.key(),
									new AuditEntry(viewer.subject(), "ledger.import.started", Import.TYPE_NAME, started.id(), sourceAddress, null,
											Map.of("kind", started.kind().name(), "fileName", started.fileName(), "controlRowCount",
													started.controlRowCount(), "controlAmountSum", started.controlAmountSum().toPlainString()))))));
	}

	Mono<Map<UUID, Import>> load(Viewer viewer, Collection<UUID> keys) {
		return database.inTransaction(viewer.tenant(), db -> store.load(db, keys));
	}

	/** What an upload led to. */
	sealed interface Upload {

		/** Stored and queued for validation and application by a job. */
		record Queued(Import queued) implements Upload {
		}

		/** The same file (same kind and digest) was already imported: nothing will be applied. */
		record Duplicate(Import duplicate) implements Upload {
		}

		/** The import is not waiting for content any more. */
		record NotAwaiting(Import current) implements Upload {
		}

	}

	/**
	 * Stores an uploaded file for an import of the viewer's tenant (which the caller already found
	 * waiting) and queues its job; a file already imported is answered as a duplicate at once.
	 */
	Mono<Upload> receive(Viewer viewer, Import waiting, Flux<DataBuffer> body) {
		return files.receive(waiting.key(), body).flatMap(received -> database.run(viewer.tenant(), tx -> store
			.appliedFile(tx.db(), waiting.kind(), received.sha256())
			.flatMap(original -> store.received(tx.db(), waiting.key(), received.sha256(), received.sizeBytes(), ImportStatus.DUPLICATE_FILE, null,
					original).map(duplicate -> (Upload) new Upload.Duplicate(duplicate)))
			.switchIfEmpty(Mono.defer(() -> jobs.create(tx, JOB_KIND)
				.flatMap(job -> store.received(tx.db(), waiting.key(), received.sha256(), received.sizeBytes(), ImportStatus.QUEUED, job.key(), null))
				.map(queued -> (Upload) new Upload.Queued(queued))))
			.switchIfEmpty(Mono.defer(() -> store.load(tx.db(), List.of(waiting.key())).map(found -> new Upload.NotAwaiting(found.get(waiting.key()))))))
			.flatMap(upload -> {
				if (upload instanceof Upload.Queued(Import queued)) {
					submit(viewer, queued, received.path());
				}
				else {
					return files.delete(received.path()).thenReturn(upload);
				}
				return Mono.just(upload);
			}));
	}

	private void submit(Viewer viewer, Import queued, java.nio.file.Path file) {
		ImportKindHandler handler = handler(queued.kind());
		ImportContext context = new ImportContext(viewer, queued.key(), java.util.Objects.requireNonNull(queued.sha256()), queued.fileName(),
				options(queued.options()), columns(queued.mapping()));
		jobs.submit(viewer.tenant(), java.util.Objects.requireNonNull(queued.jobKey()),
				progress -> runner.run(handler, context, queued, file, progress));
	}

	private static Map<String, Object> optionsImage(ImportOptions options) {
		return Map.of("delimiter", String.valueOf(options.delimiter()), "decimalComma", options.decimalComma(), "dateFormat",
				options.dateFormat());
	}

	private ImportOptions options(String image) {
		var node = json.readTree(image);
		return new ImportOptions(node.get("delimiter").asString().charAt(0), node.get("decimalComma").asBoolean(),
				node.get("dateFormat").asString());
	}

	private Map<ImportField, String> columns(String image) {
		Map<ImportField, String> columns = new EnumMap<>(ImportField.class);
		json.readTree(image).properties().forEach(entry -> columns.put(ImportField.valueOf(entry.getValue().asString()), entry.getKey()));
		return columns;
	}

}
