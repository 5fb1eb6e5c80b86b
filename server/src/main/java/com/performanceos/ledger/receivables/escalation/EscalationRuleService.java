package com.performanceos.ledger.receivables.escalation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.audit.AuditTrail;
import com.performanceos.platform.egress.EgressGuard;
import com.performanceos.platform.egress.EgressRefused;
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.idempotency.IdempotencyKeys;
import com.performanceos.platform.idempotency.IdempotencyKeys.Claim;
import com.performanceos.platform.privacy.FieldCipher;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.platform.tenancy.TransactionRejected;

/** Creates, changes, deactivates and lists escalation rules; every change is audited. */
@Service
class EscalationRuleService {

	private static final String CREATE_OPERATION = "ledger.createEscalationRule";

	private final TenantDatabase database;

	private final EgressGuard egress;

	private final EscalationRuleStore store;

	private final IdempotencyKeys idempotencyKeys;

	private final AuditTrail auditTrail;

	private final FieldCipher cipher;

	EscalationRuleService(TenantDatabase database, EscalationRuleStore store, IdempotencyKeys idempotencyKeys,
			AuditTrail auditTrail, FieldCipher cipher, EgressGuard egress) {
		this.egress = egress;
		this.database = database;
		this.store = store;
		this.idempotencyKeys = idempotencyKeys;
		this.auditTrail = auditTrail;
		this.cipher = cipher;
	}

	Mono<EscalationPayloads.Rule> create(Viewer viewer, EscalationInputs.CreateRule input, @Nullable String sourceAddress) {
		List<EscalationError> invalid = input.validate();
		if (!invalid.isEmpty()) {
			return Mono.just(EscalationPayloads.Rule.failed(invalid));
		}
		return webhookRefusals(input.webhookUrl()).flatMap(refused -> refused.isEmpty() ? createChecked(viewer, input, sourceAddress)
				: Mono.just(EscalationPayloads.Rule.failed(refused)));
	}

	/**
	 * The refusal of a webhook URL the egress guard would not call (an internal address, a name resolving to one, a
	 * name that does not resolve), with one message for every cause: which cause it was is network detail.
	 */
	private Mono<List<EscalationError>> webhookRefusals(@Nullable String url) {
		if (url == null) {
			return Mono.just(List.of());
		}
		return egress.check(url)
			.thenReturn(List.<EscalationError>of())
			.onErrorResume(EgressRefused.class, refused -> Mono.just(
					List.of(EscalationError.invalid("webhookUrl", "webhookUrl " + EgressGuard.REFUSED_URL_MESSAGE))));
	}

	private Mono<EscalationPayloads.Rule> createChecked(Viewer viewer, EscalationInputs.CreateRule input,
			@Nullable String sourceAddress) {
		EscalationRuleStore.Values values = new EscalationRuleStore.Values(input.name(), input.minDaysOverdue(),
				input.minOpenAmount(), input.currency(), input.owner(), input.webhookUrl(), encrypt(viewer, input.webhookSecret()));
		return database.inTransaction(viewer.tenant(), db -> idempotencyKeys
			.claim(db, viewer.tenant(), CREATE_OPERATION, input.idempotencyKey(), input.fingerprint())
			.flatMap(claim -> switch (claim) {
				case Claim.Replay replay -> store.load(db, List.of(replay.resultId()))
					.map(found -> EscalationPayloads.Rule.of(found.get(replay.resultId())));
				case Claim.Conflict conflict -> Mono.<EscalationPayloads.Rule>error(new TransactionRejected(EscalationPayloads.Rule
					.failed(List.of(EscalationError.of(EscalationError.Code.IDEMPOTENCY_CONFLICT,
							"This idempotency key was already used with a different input", "idempotencyKey")))));
				case Claim.Fresh fresh -> store.insert(db, viewer.tenant(), input.kind(), values)
					.flatMap(rule -> idempotencyKeys.complete(db, viewer.tenant(), CREATE_OPERATION, input.idempotencyKey(), rule.key())
						.then(audit(db, viewer, "ledger.escalation.rule.created", rule, sourceAddress, null))
						.thenReturn(EscalationPayloads.Rule.of(rule)));
			}))
			.onErrorResume(TransactionRejected.class, rejected -> Mono.just(rejected.answer(EscalationPayloads.Rule.class)));
	}

	Mono<EscalationPayloads.Rule> update(Viewer viewer, EscalationInputs.UpdateRule input, @Nullable String sourceAddress) {
		UUID key = GlobalId.decode(input.ruleId(), EscalationRule.TYPE_NAME).orElse(null);
		if (key == null) {
			return Mono.just(notFound());
		}
		// A malformed URL is reported by the input validation inside the transaction, as before.
		String url = input.webhookUrl();
		return webhookRefusals(url != null && EscalationInputs.isHttpUrl(url) ? url : null)
			.flatMap(refused -> refused.isEmpty() ? updateChecked(viewer, key, input, sourceAddress)
					: Mono.just(EscalationPayloads.Rule.failed(refused)));
	}

	private Mono<EscalationPayloads.Rule> updateChecked(Viewer viewer, UUID key, EscalationInputs.UpdateRule input,
			@Nullable String sourceAddress) {
		return database.inTransaction(viewer.tenant(), db -> store.lockActive(db, key)
			.switchIfEmpty(Mono.error(() -> new TransactionRejected(notFound())))
			.flatMap(locked -> {
				List<EscalationError> invalid = input.validate(locked.hasSecret());
				if (!invalid.isEmpty()) {
					return Mono.error(new TransactionRejected(EscalationPayloads.Rule.failed(invalid)));
				}
				EscalationRuleStore.Values values = new EscalationRuleStore.Values(input.name(), input.minDaysOverdue(),
						input.minOpenAmount(), input.currency(), input.owner(), input.webhookUrl(),
						encrypt(viewer, input.webhookSecret()));
				return store.update(db, key, values)
					.flatMap(rule -> audit(db, viewer, "ledger.escalation.rule.updated", rule, sourceAddress, locked.rule().image())
						.thenReturn(EscalationPayloads.Rule.of(rule)));
			}))
			.onErrorResume(TransactionRejected.class, rejected -> Mono.just(rejected.answer(EscalationPayloads.Rule.class)));
	}

	Mono<EscalationPayloads.Rule> delete(Viewer viewer, EscalationInputs.DeleteRule input, @Nullable String sourceAddress) {
		UUID key = GlobalId.decode(input.ruleId(), EscalationRule.TYPE_NAME).orElse(null);
		if (key == null) {
			return Mono.just(notFound());
		}
		return database.inTransaction(viewer.tenant(), db -> store.lockActive(db, key)
			.switchIfEmpty(Mono.error(() -> new TransactionRejected(notFound())))
			.flatMap(locked -> store.deactivate(db, key)
				.flatMap(rule -> audit(db, viewer, "ledger.escalation.rule.deleted", rule, sourceAddress, locked.rule().image())
					.thenReturn(EscalationPayloads.Rule.of(rule)))))
			.onErrorResume(TransactionRejected.class, rejected -> Mono.just(rejected.answer(EscalationPayloads.Rule.class)));
	}

	Mono<Connection<EscalationRule>> list(Viewer viewer, boolean includeInactive, PageRequest page) {
		return database.inTransaction(viewer.tenant(), db -> store.page(db, includeInactive, page.cursorKey(), page.size()))
			.map(rows -> Connection.fromKeyset(page, rows.rows(), EscalationRuleStore::cursorOf, rows.totalCount()));
	}

	Mono<Map<UUID, EscalationRule>> load(Viewer viewer, Collection<UUID> keys) {
		return database.inTransaction(viewer.tenant(), db -> store.load(db, keys));
	}

	private @Nullable String encrypt(Viewer viewer, @Nullable String secret) {
		return secret == null ? null : cipher.encrypt(viewer.tenant(), secret);
	}

	private Mono<Void> audit(DatabaseClient db, Viewer viewer, String action, EscalationRule rule, @Nullable String sourceAddress,
			@Nullable Map<String, Object> before) {
		return auditTrail.record(db, viewer.tenant(),
				new AuditEntry(viewer.subject(), action, EscalationRule.TYPE_NAME, rule.id(), sourceAddress, before, rule.image()));
	}

	private static EscalationPayloads.Rule notFound() {
		return EscalationPayloads.Rule.failed(List.of(EscalationError.of(EscalationError.Code.RULE_NOT_FOUND,
				"No active escalation rule with this id", "ruleId")));
	}

}
