package com.performanceos.rules.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.digest.Sha256;
import com.performanceos.rules.engine.JsonValues;

/**
 * {@code exportRules}: every rule of the tenant with all its versions, as canonical JSON and as readable text, each
 * with its SHA-256 (recorded in the audit log, so an auditor can prove later what was handed over).
 */
final class RuleExport {

	/** More versions than this in one tenant are not exported in one answer. */
	static final int VERSIONS_MAX = 50_000;

	private RuleExport() {
	}

	/** The schema's {@code ExportRulesPayload}. */
	record Payload(@Nullable String json, @Nullable String jsonSha256, @Nullable String text, @Nullable String textSha256,
			int ruleCount, int versionCount, List<RulesError> userErrors) {

		static Payload tooLarge(int versions) {
			return new Payload(null, null, null, null, 0, versions, List.of(new RulesError(RulesErrorCode.LIMIT_EXCEEDED,
					"The tenant has " + versions + " versions; one export takes at most " + VERSIONS_MAX, null)));
		}

	}

	/** Builds the export of rules (in name order) and their versions (in number order). */
	static Payload of(List<Rule> rules, List<RuleVersion> versions) {
		Map<UUID, List<RuleVersion>> byRule = new LinkedHashMap<>();
		Map<UUID, Integer> numbers = new LinkedHashMap<>();
		for (RuleVersion version : versions) {
			byRule.computeIfAbsent(version.ruleKey(), key -> new ArrayList<>()).add(version);
			numbers.put(version.key(), version.number());
		}
		List<Object> json = new ArrayList<>();
		StringBuilder text = new StringBuilder();
		for (Rule rule : rules) {
			List<Object> versionValues = new ArrayList<>();
			text.append("Rule ").append(rule.name()).append(" (").append(rule.kind()).append("): ").append(rule.description())
				.append('\n');
			for (RuleVersion version : byRule.getOrDefault(rule.key(), List.of())) {
				versionValues.add(value(version, numbers));
				text.append("  Version ").append(version.number()).append(" [").append(version.status()).append("] valid from ")
					.append(version.validFrom()).append(version.validTo() == null ? "" : " to " + version.validTo())
					.append(", written by ").append(version.author()).append(" (").append(version.origin())
					.append(version.aiModel() == null ? "" : ", " + version.aiModel()).append(')')
					.append(version.approvedBy() == null ? "" : ", approved by " + version.approvedBy())
					.append(version.publishedBy() == null ? "" : ", published by " + version.publishedBy() + " at " + version.publishedAt())
					.append("; ").append(version.changeNote()).append('\n');
				for (String line : ReadableText.render(version.kind(), version.definitionText(), ReadableText.Language.EN).split("\n")) {
					text.append("    ").append(line).append('\n');
				}
			}
			Map<String, @Nullable Object> ruleValue = new LinkedHashMap<>();
			ruleValue.put("name", rule.name());
			ruleValue.put("kind", rule.kind().name());
			ruleValue.put("description", rule.description());
			ruleValue.put("createdBy", rule.createdBy());
			ruleValue.put("createdAt", rule.createdAt().toString());
			ruleValue.put("versions", versionValues);
			json.add(ruleValue);
		}
		String jsonText = JsonValues.write(Map.of("rules", json));
		String readable = text.toString();
		return new Payload(jsonText, Sha256.hex(jsonText), readable, Sha256.hex(readable), rules.size(), versions.size(), List.of());
	}

	private static Map<String, @Nullable Object> value(RuleVersion version, Map<UUID, Integer> numbers) {
		Map<String, @Nullable Object> value = new LinkedHashMap<>();
		value.put("number", version.number());
		value.put("status", version.status().name());
		value.put("definition", JsonValues.parse(version.definitionText()));
		value.put("definitionSha256", version.definitionSha256());
		value.put("examples", version.examples().stream().map(RuleExample::toValue).toList());
		value.put("author", version.author());
		value.put("origin", version.origin().name());
		value.put("aiModel", version.aiModel());
		value.put("aiJustification", version.aiJustification());
		value.put("changeNote", version.changeNote());
		value.put("validFrom", version.validFrom().toString());
		value.put("validTo", version.validTo() == null ? null : version.validTo().toString());
		value.put("rollbackOf", version.rollbackOf() == null ? null : numbers.get(version.rollbackOf()));
		value.put("createdAt", version.createdAt().toString());
		value.put("approvedBy", version.approvedBy());
		value.put("publishedBy", version.publishedBy());
		value.put("publishedAt", version.publishedAt() == null ? null : version.publishedAt().toString());
		return value;
	}

}
