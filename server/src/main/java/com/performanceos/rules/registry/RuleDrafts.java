package com.performanceos.rules.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.digest.Sha256;
import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.rules.engine.JsonValues;

/**
 * The registry's published port for AI proposals (issue 11): check a proposed definition the way a save would
 * (compile, type-check, run its examples) without writing anything, and write an accepted one as a DRAFT version with
 * origin AI, authored by the person who accepted it, so separation of duties then holds as for any version (that
 * person can never approve it). The normal lifecycle follows; nothing here publishes.
 */
@Component
public final class RuleDrafts {

	private final RuleStore store;

	private final RuleCompiler compiler;

	private final RuleEvaluator evaluator;

	private final RulesProperties limits;

	RuleDrafts(RuleStore store, RuleCompiler compiler, RuleEvaluator evaluator, RulesProperties limits) {
		this.store = store;
		this.compiler = compiler;
		this.evaluator = evaluator;
		this.limits = limits;
	}

	/** A stored example of a proposal: an input and the output the definition must give. */
	public record Example(String name, @Nullable Object input, @Nullable Object expectedOutput) {
	}

	/**
	 * What checking a proposed definition found: its problems (empty when it may be saved), each example's output and
	 * the definition's readable text (English), null when it does not compile.
	 */
	public record Check(List<String> problems, List<ExampleResult> examples, @Nullable String text) {

		public boolean valid() {
			return problems.isEmpty();
		}

	}

	/** One example run: what the definition gave (canonical JSON) and whether it is what was expected. */
	public record ExampleResult(String name, @Nullable String actualJson, boolean passed) {
	}

	/** An AI-originated version to write. */
	public record Draft(String ruleName, RuleKind kind, String description, Object definition, List<Example> examples, String model,
			String justification, LocalDate validFrom) {
	}

	/** Checks a definition as a save would, then runs its examples; writes nothing. */
	public Check check(RuleKind kind, @Nullable Object definition, List<Example> examples) {
		if (examples.size() > limits.examplesMax()) {
			return new Check(List.of("more than " + limits.examplesMax() + " examples"), List.of(), null);
		}
		RuleCompiler.Checked checked = compiler.check(kind, definition, null);
		if (checked instanceof RuleCompiler.Refused refused) {
			return new Check(refused.problems().stream().map(Object::toString).toList(), List.of(), null);
		}
		RuleCompiler.Accepted accepted = (RuleCompiler.Accepted) checked;
		RuleVersion probe = new RuleVersion(UUID.randomUUID(), UUID.randomUUID(), kind, 1, VersionStatus.DRAFT, accepted.text(),
				Sha256.hex(accepted.text()), examples.stream().map(RuleDrafts::example).toList(), "probe", RuleOrigin.AI, null, null,
				"probe", LocalDate.of(2000, 1, 1), null, null, Instant.now(), null, null, null);
		List<String> problems = new ArrayList<>();
		List<ExampleResult> results = new ArrayList<>();
		for (RuleEvaluator.ExampleOutcome outcome : evaluator.runExamples(probe)) {
			String actual = outcome.error() != null ? null : JsonValues.write(outcome.actualOutput());
			results.add(new ExampleResult(outcome.name(), actual, outcome.passed()));
			if (!outcome.passed()) {
				problems.add("example '" + outcome.name() + "' gives " + (actual == null ? "an error: " + outcome.error() : actual)
						+ ", expected " + JsonValues.write(outcome.expectedOutput()));
			}
		}
		return new Check(problems, results, ReadableText.render(kind, accepted.text(), ReadableText.Language.EN));
	}

	/**
	 * Writes the draft as a new DRAFT version with origin AI, of the rule of that name (created with this first version
	 * when the tenant has none), authored by {@code author}. Fails with {@link IllegalArgumentException} when the
	 * definition does not check (callers check first) or the rule exists with another kind.
	 */
	public Mono<RuleVersion> write(TenantTransaction tx, String author, Draft draft) {
		RuleCompiler.Checked checked = compiler.check(draft.kind(), draft.definition(), null);
		if (!(checked instanceof RuleCompiler.Accepted accepted)) {
			return Mono.error(new IllegalArgumentException("The draft does not check: " + checked));
		}
		return tx.db().sql("SELECT id FROM rules_rule WHERE name = :name").bind("name", draft.ruleName())
			.map(row -> row.get("id", UUID.class)).first()
			.flatMap(key -> store.rules(tx.db(), List.of(key)).map(List::getFirst))
			.switchIfEmpty(Mono.defer(() -> store.insertRule(tx, UUID.randomUUID(), draft.ruleName(), draft.kind(), draft.description(),
					author)))
			.flatMap(rule -> rule.kind() != draft.kind()
					? Mono.error(new IllegalArgumentException("Rule " + rule.name() + " is a " + rule.kind() + ", not a " + draft.kind()))
					: store.nextNumber(tx.db(), rule.key()).flatMap(number -> {
						RuleVersion version = new RuleVersion(UUID.randomUUID(), rule.key(), draft.kind(), number, VersionStatus.DRAFT,
								accepted.text(), Sha256.hex(accepted.text()), draft.examples().stream().map(RuleDrafts::example).toList(),
								author, RuleOrigin.AI, draft.model(), draft.justification(), "Accepted AI proposal", draft.validFrom(), null,
								null, Instant.now(), null, null, null);
						return store.insertVersion(tx, version)
							.flatMap(written -> store.recordTransition(tx, written, null, author, written.changeNote()).thenReturn(written));
					}));
	}

	/** Versions of the caller's tenant by key (the versions proposals became); unknown keys are absent. */
	public Mono<List<RuleVersion>> versions(TenantTransaction tx, java.util.Collection<UUID> keys) {
		return store.versions(tx.db(), keys);
	}

	private static RuleExample example(Example example) {
		return new RuleExample(example.name(), JsonValues.of(example.input()), JsonValues.of(example.expectedOutput()));
	}

}
