package com.performanceos.scenarios.sharing;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.Caller;
import com.performanceos.platform.security.Viewer;
import com.performanceos.scenarios.planning.ScenarioService;
import com.performanceos.scenarios.planning.ScenarioVersion;

/** GraphQL edge of share links. */
@Controller
class ShareLinkController {

	private final ShareLinkService sharing;

	private final ScenarioService scenarios;

	ShareLinkController(ShareLinkService sharing, ScenarioService scenarios) {
		this.sharing = sharing;
		this.scenarios = scenarios;
	}

	@MutationMapping
	Mono<ShareLinkService.CreatePayload> createScenarioShareLink(@Argument ShareLinkService.CreateInput input,
			Caller caller) {
		return sharing.create(caller.viewer(), input, caller.sourceAddress());
	}

	/** The schema's {@code RevokeScenarioShareLinkInput}. */
	record RevokeInput(String shareLinkId) {
	}

	@MutationMapping
	Mono<ShareLinkService.RevokePayload> revokeScenarioShareLink(@Argument RevokeInput input, Caller caller) {
		return sharing.revoke(caller.viewer(), input.shareLinkId(), caller.sourceAddress());
	}

	@QueryMapping
	Mono<ShareLinkService.Shared> sharedScenarioVersion(@Argument String token, Caller caller) {
		return sharing.open(caller.viewer(), token, caller.sourceAddress());
	}

	@SchemaMapping(typeName = "ScenarioShareLink", field = "version")
	Mono<ScenarioVersion> version(ShareLink link, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return scenarios.loadVersions(viewer, List.of(link.versionKey())).flatMap(found -> Mono.justOrEmpty(found.get(link.versionKey())));
	}

	@SchemaMapping(typeName = "ScenarioShareLink", field = "active")
	boolean active(ShareLink link) {
		return link.refusal(java.util.Set.of(link.role()), java.time.Instant.now()) == null;
	}

}
