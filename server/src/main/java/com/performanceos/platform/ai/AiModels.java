package com.performanceos.platform.ai;

import java.util.Optional;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * Which model a tenant asks: the one it certified (by accepting proposals of it, or by a governed switch), else the
 * deployment's configured one. A switch keeps the model before it, so that rolling back is one step.
 */
@Component
public final class AiModels {

	/** A tenant's models: the one it asks and the one before the last switch. */
	public record TenantModels(String active, Optional<String> previous, boolean certified) {
	}

	private final AiProperties settings;

	AiModels(AiProperties settings) {
		this.settings = settings;
	}

	/** The deployment's configured model: what a tenant is switched to after a successful replay. */
	public String configured() {
		return settings.model();
	}

	public Mono<TenantModels> of(TenantTransaction tx) {
		return tx.db().sql("SELECT active_model, previous_model FROM ai_tenant_model")
			.map(row -> new TenantModels(row.get("active_model", String.class), Optional.ofNullable(row.get("previous_model", String.class)),
					true))
			.first()
			.defaultIfEmpty(new TenantModels(settings.model(), Optional.empty(), false));
	}

	/** Records {@code model} as the tenant's certified one unless it has one already. */
	public Mono<Void> certifyIfNone(TenantTransaction tx, String model, String actor) {
		return tx.db().sql("INSERT INTO ai_tenant_model (tenant_id, active_model, switched_by) VALUES (:tenant, :model, :actor) "
				+ "ON CONFLICT (tenant_id) DO NOTHING")
			.bind("tenant", tx.tenant()).bind("model", model).bind("actor", actor).fetch().rowsUpdated().then();
	}

	/** Makes {@code model} the tenant's active model, keeping the one it replaces as the previous one. */
	public Mono<Void> switchTo(TenantTransaction tx, String model, String actor) {
		return of(tx).flatMap(current -> tx.db().sql("INSERT INTO ai_tenant_model (tenant_id, active_model, previous_model, switched_by) "
				+ "VALUES (:tenant, :model, :previous, :actor) ON CONFLICT (tenant_id) DO UPDATE SET active_model = excluded.active_model, "
				+ "previous_model = excluded.previous_model, switched_by = excluded.switched_by, switched_at = clock_timestamp()")
			.bind("tenant", tx.tenant()).bind("model", model).bind("previous", current.active()).bind("actor", actor)
			.fetch().rowsUpdated().then());
	}

	/** Swaps back to the previous model; answers the model now active, or empty when there is none to return to. */
	public Mono<String> rollback(TenantTransaction tx, String actor) {
		return tx.db().sql("UPDATE ai_tenant_model SET active_model = previous_model, previous_model = active_model, switched_by = :actor, "
				+ "switched_at = clock_timestamp() WHERE previous_model IS NOT NULL RETURNING active_model")
			.bind("actor", actor).map(row -> row.get("active_model", String.class)).first();
	}

}
