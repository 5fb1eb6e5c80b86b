package com.performanceos.ledger.receivables.escalation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.egress.EgressGuard;
import com.performanceos.platform.egress.EgressRefused;
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.idempotency.IdempotencyKeys;
import com.performanceos.platform.mutations.Idempotency;
import com.performanceos.platform.mutations.Mutations;
import com.performanceos.platform.mutations.Outcome;
import com.performanceos.platform.privacy.FieldCipher;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;

/** Creates, changes, deactivates and lists escalation rules; every change is audited. */
@Service
class EscalationRuleService {

	private static final String CREATE_OPERATION = "ledger.createEscalationRule";

	private final TenantDatabase database;

	private final EgressGuard egress;

	private final EscalationRuleStore store;

	private final Mutations mutations;

	private final FieldCipher cipher;

	EscalationRuleService(TenantDatabase database, EscalationRuleStore store, Mutations mutations, FieldCipher cipher,
			EgressGuard egress) {
		this.database = database;
		this.egress = egress;
		this.store = store;
		this.mutations = mutations;
		this.cipher = cipher;
	}

	Mono<EscalationPayloads.Rule> create(Viewer viewer, EscalationInputs.CreateRule input, @Nullable String sourceAddress) {
		return Mutations.unlessInvalid(input.validate(), EscalationPayloads.Rule::failed,
				() -> webhookRefusals(input.webhookUrl()).flatMap(refused -> refused.isEmpty() ? createChecked(viewer, input, sourceAddress)
						: Mono.just(EscalationPayloads.Rule.failed(refused))));
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
		return mutations.idempotent(viewer.tenant(), new Idempotency<>(CREATE_OPERATION, input.idempotencyKey(), input.fingerprint(),
				() -> EscalationPayloads.Rule.failed(List.of(EscalationError.of(EscalationError.Code.IDEMPOTENCY_CONFLICT,
						IdempotencyKeys.CONFLICT_MESSAGE, "idempotencyKey"))),
				(tx, key) -> store.load(tx.db(), List.of(key)).map(found -> EscalationPayloads.Rule.of(found.get(key)))),
				tx -> store.insert(tx, input.kind(), values).map(rule -> Outcome.committed(EscalationPayloads.Rule.of(rule),
						rule.key(), audit(viewer, "ledger.escalation.rule.created", rule, sourceAddress, null))));
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
		return mutations.once(viewer.tenant(), tx -> store.lockActive(tx.db(), key)
			.flatMap(locked -> {
				List<EscalationError> invalid = input.validate(locked.hasSecret());
				if (!invalid.isEmpty()) {
					return Mono.just(Outcome.rejected(EscalationPayloads.Rule.failed(invalid)));
				}
				EscalationRuleStore.Values values = new EscalationRuleStore.Values(input.name(), input.minDaysOverdue(),
						input.minOpenAmount(), input.currency(), input.owner(), input.webhookUrl(),
						encrypt(viewer, input.webhookSecret()));
				return store.update(tx.db(), key, values).map(rule -> Outcome.committed(EscalationPayloads.Rule.of(rule),
						audit(viewer, "ledger.escalation.rule.updated", rule, sourceAddress, locked.rule().image())));
			})
			.defaultIfEmpty(Outcome.rejected(notFound())));
	}

	Mono<EscalationPayloads.Rule> delete(Viewer viewer, EscalationInputs.DeleteRule input, @Nullable String sourceAddress) {
		UUID key = GlobalId.decode(input.ruleId(), EscalationRule.TYPE_NAME).orElse(null);
		if (key == null) {
			return Mono.just(notFound());
		}
		return mutations.once(viewer.tenant(), tx -> store.lockActive(tx.db(), key)
			.flatMap(locked -> store.deactivate(tx.db(), key).map(rule -> Outcome.committed(EscalationPayloads.Rule.of(rule),
					audit(viewer, "ledger.escalation.rule.deleted", rule, sourceAddress, locked.rule().image()))))
			.defaultIfEmpty(Outcome.rejected(notFound())));
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

	private static AuditEntry audit(Viewer viewer, String action, EscalationRule rule, @Nullable String sourceAddress,
			@Nullable Map<String, Object> before) {
		return new AuditEntry(viewer.subject(), action, EscalationRule.TYPE_NAME, rule.id(), sourceAddress, before, rule.image());
	}

	private static EscalationPayloads.Rule notFound() {
		return EscalationPayloads.Rule.failed(List.of(EscalationError.of(EscalationError.Code.RULE_NOT_FOUND,
				"No active escalation rule with this id", "ruleId")));
	}

}
