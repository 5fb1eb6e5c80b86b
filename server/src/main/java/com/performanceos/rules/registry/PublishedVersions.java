package com.performanceos.rules.registry;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * The registry's published read port for modules that apply rules of their own kinds (commission plans): versions by
 * id or global id, and the version in force on a day, read inside the caller's transaction so a calculation sees one
 * consistent state. Content of a version never changes, so what is read may be kept by the caller.
 */
@Component
public final class PublishedVersions {

	private final RuleStore store;

	PublishedVersions(RuleStore store) {
		this.store = store;
	}

	/** The key of a {@code RuleVersion} global id; empty for another type or a malformed id. */
	public static Optional<UUID> versionKey(String versionId) {
		return GlobalId.decode(versionId, RuleVersion.TYPE_NAME);
	}

	/** The key of a {@code Rule} global id; empty for another type or a malformed id. */
	public static Optional<UUID> ruleKey(String ruleId) {
		return GlobalId.decode(ruleId, Rule.TYPE_NAME);
	}

	/** The global id of a rule version. */
	public static String versionId(UUID versionKey) {
		return GlobalId.encode(RuleVersion.TYPE_NAME, versionKey);
	}

	/** The global id of a rule. */
	public static String ruleId(UUID ruleKey) {
		return GlobalId.encode(Rule.TYPE_NAME, ruleKey);
	}

	/** Versions of the caller's tenant by key; unknown keys are absent. */
	public Mono<List<RuleVersion>> versions(TenantTransaction tx, Collection<UUID> keys) {
		return store.versions(tx.db(), keys);
	}

	/** The newest PUBLISHED version of the rule whose interval holds the day; empty when none is. */
	public Mono<RuleVersion> inForce(TenantTransaction tx, UUID ruleKey, LocalDate day) {
		return store.inForce(tx.db(), ruleKey, day);
	}

}
