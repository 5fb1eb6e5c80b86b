package com.performanceos.platform.mutations;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

class MutationsTests {

	@Test
	void anInputWithProblemsIsAnsweredWithoutRunningTheMutation() {
		AtomicBoolean ran = new AtomicBoolean();
		String answer = Mutations.unlessInvalid(List.of("name is blank", "key too long"), problems -> "failed: " + problems, () -> {
			ran.set(true);
			return Mono.just("done");
		}).block();
		assertThat(answer).isEqualTo("failed: [name is blank, key too long]");
		assertThat(ran).isFalse();
	}

	@Test
	void anInputWithoutProblemsRunsTheMutation() {
		String answer = Mutations.unlessInvalid(List.<String>of(), problems -> "failed: " + problems, () -> Mono.just("done")).block();
		assertThat(answer).isEqualTo("done");
	}

}
