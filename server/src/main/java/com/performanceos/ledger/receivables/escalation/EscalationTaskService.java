package com.performanceos.ledger.receivables.escalation;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.events.Outbox;
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.mutations.Mutations;
import com.performanceos.platform.mutations.Outcome;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;

/** Runs escalations on request, lists and completes tasks. */
@Service
class EscalationTaskService {

	private final TenantDatabase database;

	private final EscalationTaskStore tasks;

	private final NotificationStore notifications;

	private final EscalationRunner runner;

	private final Mutations mutations;

	private final Outbox outbox;

	EscalationTaskService(TenantDatabase database, EscalationTaskStore tasks, NotificationStore notifications,
			EscalationRunner runner, Mutations mutations, Outbox outbox) {
		this.database = database;
		this.tasks = tasks;
		this.notifications = notifications;
		this.runner = runner;
		this.mutations = mutations;
		this.outbox = outbox;
	}

	Mono<EscalationPayloads.Run> run(Viewer viewer, EscalationInputs.Run input, @Nullable String sourceAddress) {
		LocalDate asOf = input.asOf() != null ? input.asOf() : LocalDate.now(ZoneOffset.UTC);
		return runner.run(viewer.tenant(), viewer.subject(), asOf, false, sourceAddress);
	}

	Mono<EscalationPayloads.Complete> complete(Viewer viewer, EscalationInputs.CompleteTask input, @Nullable String sourceAddress) {
		UUID key = GlobalId.decode(input.taskId(), EscalationTask.TYPE_NAME).orElse(null);
		if (key == null) {
			return Mono.just(EscalationPayloads.Complete.failed(notFound()));
		}
		return mutations.once(viewer.tenant(), tx -> tasks.lock(tx.db(), key)
			.flatMap(task -> task.isDone()
					? Mono.just(Outcome.rejected(EscalationPayloads.Complete.failed(EscalationError.of(
							EscalationError.Code.TASK_ALREADY_DONE, "The task was already completed by " + task.completedBy(), "taskId"))))
					: tasks.complete(tx.db(), key, viewer.subject()).flatMap(done -> {
						EscalationTaskCompleted completed = new EscalationTaskCompleted(done.id(), done.status().name(),
								Objects.requireNonNull(done.completedBy()));
						Map<String, Object> after = new LinkedHashMap<>();
						after.put("taskId", completed.taskId());
						after.put("status", completed.status());
						after.put("completedBy", completed.completedBy());
						return outbox.publish(tx, Objects.requireNonNull(done.completedAt()), completed)
							.thenReturn(Outcome.committed(new EscalationPayloads.Complete(done, List.of()),
									new AuditEntry(viewer.subject(), "ledger.escalation.task.completed", EscalationTask.TYPE_NAME, done.id(),
											sourceAddress, Map.of("taskId", task.id(), "status", task.status().name()), after)));
					}))
			.defaultIfEmpty(Outcome.rejected(EscalationPayloads.Complete.failed(notFound()))));
	}

	Mono<Connection<EscalationTask>> list(Viewer viewer, EscalationTaskStore.Filter filter, PageRequest page) {
		return database.inTransaction(viewer.tenant(), db -> tasks.page(db, filter, page.cursorKey(), page.size()))
			.map(rows -> Connection.fromKeyset(page, rows.rows(), task -> Long.toString(task.sequence()), rows.totalCount()));
	}

	Mono<Map<UUID, EscalationTask>> load(Viewer viewer, Collection<UUID> keys) {
		return database.inTransaction(viewer.tenant(), db -> tasks.load(db, keys));
	}

	Mono<Map<UUID, EscalationNotification>> notificationsOf(Viewer viewer, Collection<UUID> taskKeys) {
		return database.inTransaction(viewer.tenant(), db -> notifications.ofTasks(db, taskKeys));
	}

	private static EscalationError notFound() {
		return EscalationError.of(EscalationError.Code.TASK_NOT_FOUND, "No escalation task with this id", "taskId");
	}

}
