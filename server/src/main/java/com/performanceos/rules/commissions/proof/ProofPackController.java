package com.performanceos.rules.commissions.proof;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.platform.security.Viewer;

/** GraphQL edge of proof packs: verification against the stored data. */
@Controller
class ProofPackController {

	private final ProofPacks packs;

	ProofPackController(ProofPacks packs) {
		this.packs = packs;
	}

	@QueryMapping
	Mono<ProofPacks.Verification> verifyProofPack(@Argument String id, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return packs.verify(viewer, id);
	}

	@SchemaMapping(typeName = "ProofPackChange", field = "message")
	String changeMessage(Certificate.Change change) {
		return change.message();
	}

}
