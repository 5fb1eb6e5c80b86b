package com.performanceos.scenarios.sharing;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.audit.AuditTrail;
import com.performanceos.platform.digest.Sha256;
import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.mutations.Mutations;
import com.performanceos.platform.mutations.Outcome;
import com.performanceos.platform.security.Role;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.scenarios.planning.ForecastView;
import com.performanceos.scenarios.planning.ScenarioError;
import com.performanceos.scenarios.planning.ScenarioErrorCode;
import com.performanceos.scenarios.planning.ScenarioService;
import com.performanceos.scenarios.planning.ScenarioVersion;

/** Creates and revokes share links, and opens a version through one, auditing every attempt. */
@Service
class ShareLinkService {

	/** Longest life of a link: a quarter, the horizon of the forecast it shows. */
	static final Duration LIFETIME_MAX = Duration.ofDays(92);

	/** Tokens are 32 random bytes in base64url (43 characters); anything much longer is not one of ours. */
	static final int TOKEN_LENGTH_MAX = 100;

	private static final int TOKEN_BYTES = 32;

	private final SecureRandom random = new SecureRandom();

	private final TenantDatabase database;

	private final Mutations mutations;

	private final ShareLinkStore links;

	private final ScenarioService scenarios;

	private final AuditTrail audit;

	private final Clock clock = Clock.systemUTC();

	ShareLinkService(TenantDatabase database, Mutations mutations, ShareLinkStore links, ScenarioService scenarios, AuditTrail audit) {
		this.database = database;
		this.mutations = mutations;
		this.links = links;
		this.scenarios = scenarios;
		this.audit = audit;
	}

	/** The schema's {@code CreateScenarioShareLinkInput}. */
	record CreateInput(String versionId, Role role, Instant expiresAt) {
	}

	/** The schema's {@code CreateScenarioShareLinkPayload}: the token is shown here once and never again. */
	record CreatePayload(@Nullable ShareLink shareLink, @Nullable String token, List<ScenarioError> userErrors) {

		static CreatePayload failed(ScenarioError error) {
			return new CreatePayload(null, null, List.of(error));
		}

	}

	/** The schema's {@code RevokeScenarioShareLinkPayload}. */
	record RevokePayload(@Nullable ShareLink shareLink, List<ScenarioError> userErrors) {

		static RevokePayload failed(ScenarioError error) {
			return new RevokePayload(null, List.of(error));
		}

	}

	/** The schema's {@code SharedScenarioVersion}: what a link shows, read-only. */
	record Shared(ScenarioVersion version, ShareLink link, ForecastView forecast) {

		public String label() {
			return version.label();
		}

		public int number() {
			return version.number();
		}

		public java.time.LocalDate asOf() {
			return version.asOf();
		}

		public String digest() {
			return version.digest();
		}

		public Instant savedAt() {
			return version.savedAt();
		}

		public Instant expiresAt() {
			return link.expiresAt();
		}

	}

	Mono<CreatePayload> create(Viewer viewer, CreateInput input, @Nullable String sourceAddress) {
		Instant now = clock.instant();
		List<ScenarioError> errors = new ArrayList<>();
		if (!input.expiresAt().isAfter(now) || input.expiresAt().isAfter(now.plus(LIFETIME_MAX))) {
			errors.add(ScenarioError.invalid("expiresAt", "expiresAt must be in the future and at most " + LIFETIME_MAX.toDays() + " days away"));
		}
		if (input.role() == Role.ADMIN) {
			errors.add(ScenarioError.invalid("role", "a link cannot grant the ADMIN role"));
		}
		return Mutations.unlessInvalid(errors, problems -> new CreatePayload(null, null, problems), () -> {
			Optional<UUID> versionKey = GlobalId.decode(input.versionId()).filter(id -> id.type().equals("ScenarioVersion")).map(GlobalId::key);
			// Versions are never changed nor deleted, so one found before the transaction is still there in it.
			return versionKey.map(key -> scenarios.loadVersions(viewer, List.of(key)).map(found -> Optional.ofNullable(found.get(key))))
				.orElse(Mono.just(Optional.empty()))
				.flatMap(version -> version.isEmpty()
						? Mono.just(CreatePayload.failed(ScenarioError.at(ScenarioErrorCode.VERSION_NOT_FOUND, "versionId", "No version " + input.versionId())))
						: mutations.once(viewer.tenant(), tx -> {
							String token = newToken();
							return links.insert(tx, version.get().key(), Sha256.hex(token), input.role(), input.expiresAt(), viewer.subject())
								.map(link -> Outcome.committed(new CreatePayload(link, token, List.of()),
										new AuditEntry(viewer.subject(), "scenarios.share.created", ShareLink.TYPE_NAME, link.id(), sourceAddress, null,
												Map.of("version", version.get().id(), "role", link.role().name(), "expiresAt", link.expiresAt().toString()))));
						}));
		});
	}

	Mono<RevokePayload> revoke(Viewer viewer, String shareLinkId, @Nullable String sourceAddress) {
		Optional<UUID> key = GlobalId.decode(shareLinkId).filter(id -> id.type().equals(ShareLink.TYPE_NAME)).map(GlobalId::key);
		return mutations.once(viewer.tenant(), tx -> (key.isEmpty() ? Mono.just(Optional.<ShareLink>empty()) : links.find(tx, key.get()))
			.flatMap(found -> {
				if (found.isEmpty()) {
					return Mono.just(Outcome.rejected(RevokePayload.failed(
							ScenarioError.at(ScenarioErrorCode.SHARE_LINK_NOT_FOUND, "shareLinkId", "No share link " + shareLinkId))));
				}
				if (found.get().revokedAt() != null) {
					return Mono.just(Outcome.rejected(RevokePayload.failed(
							ScenarioError.at(ScenarioErrorCode.SHARE_LINK_ALREADY_REVOKED, "shareLinkId", "The link was already revoked"))));
				}
				return links.revoke(tx, found.get().key(), viewer.subject())
					.map(revoked -> Outcome.committed(new RevokePayload(revoked, List.of()),
							new AuditEntry(viewer.subject(), "scenarios.share.revoked", ShareLink.TYPE_NAME, revoked.id(), sourceAddress, null, null)));
			}));
	}

	/**
	 * The version behind a token, for a viewer holding the link's role. Every attempt is audited in the
	 * viewer's tenant, granted or refused, and the audit record commits before a refusal is answered. A
	 * token of another tenant is unknown here (row-level security), exactly like a wrong one.
	 */
	Mono<Shared> open(Viewer viewer, String token, @Nullable String sourceAddress) {
		String hash = token.length() > TOKEN_LENGTH_MAX ? "" : Sha256.hex(token);
		Instant now = clock.instant();
		return database.run(viewer.tenant(), tx -> {
			return links.byTokenHash(tx, hash).flatMap(found -> {
				// Not Optional.map: a link that opens has no refusal (null), which map would turn into "unknown".
				ShareLink.Refusal refusal = found.isPresent() ? found.get().refusal(viewer.roles(), now) : ShareLink.Refusal.UNKNOWN;
				String action = refusal == null ? "scenarios.share.opened" : "scenarios.share.refused";
				Map<String, Object> details = refusal == null ? Map.of("role", found.get().role().name())
						: Map.of("reason", refusal.name(), "tokenHashPrefix", hash.isEmpty() ? "" : hash.substring(0, 12));
				return audit.record(tx, new AuditEntry(viewer.subject(), action, ShareLink.TYPE_NAME,
						found.map(ShareLink::id).orElse(null), sourceAddress, null, details))
					.thenReturn(new Attempt(found.orElse(null), refusal));
			});
		}).flatMap(attempt -> {
			if (attempt.refusal() == ShareLink.Refusal.UNKNOWN || attempt.link() == null) {
				return Mono.error(new GraphQlException(ErrorCode.NOT_FOUND, "No share link with this token"));
			}
			if (attempt.refusal() != null) {
				return Mono.error(new GraphQlException(ErrorCode.FORBIDDEN, switch (attempt.refusal()) {
					case REVOKED -> "The share link was revoked";
					case EXPIRED -> "The share link has expired";
					default -> "The share link is for the " + attempt.link().role() + " role";
				}));
			}
			ShareLink link = attempt.link();
			return scenarios.loadVersions(viewer, List.of(link.versionKey()))
				.flatMap(found -> Mono.justOrEmpty(found.get(link.versionKey())))
				.flatMap(version -> scenarios.forecast(viewer, version).map(forecast -> new Shared(version, link, forecast)));
		});
	}

	private record Attempt(@Nullable ShareLink link, ShareLink.@Nullable Refusal refusal) {
	}

	private String newToken() {
		byte[] bytes = new byte[TOKEN_BYTES];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
