package com.performanceos.ledger.dimensions;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.idempotency.IdempotencyKeys;

/** {@code createDimension} and {@code createDimensionMember}: inputs, errors and payloads, as bound to the schema. */
final class DimensionInputs {

	static final String CREATE_DIMENSION = "ledger.createDimension";

	static final String CREATE_MEMBER = "ledger.createDimensionMember";

	/** Upper-case so codes read the same in every import and report (e.g. {@code SALES_REP}). */
	private static final Pattern DIMENSION_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,29}");

	private static final Pattern MEMBER_CODE = Pattern.compile("[A-Za-z0-9._-]{1,50}");

	static final int NAME_LENGTH_MAX = 200;

	private DimensionInputs() {
	}

	/** The schema's {@code CreateDimensionInput}. */
	record CreateDimensionInput(String idempotencyKey, String code, String name) {

		String fingerprint() {
			return code + '\u001f' + name.strip();
		}

		List<Error> validate() {
			List<Error> errors = new ArrayList<>(checkKey(idempotencyKey));
			if (!DIMENSION_CODE.matcher(code).matches()) {
				errors.add(Error.invalid("code", "code must be 1 to 30 upper-case letters, digits or underscores, starting with a letter"));
			}
			errors.addAll(checkName(name));
			return errors;
		}

	}

	/** The schema's {@code CreateDimensionMemberInput}. */
	record CreateMemberInput(String idempotencyKey, String dimensionId, String code, String name) {

		String fingerprint() {
			return dimensionId + '\u001f' + code + '\u001f' + name.strip();
		}

		List<Error> validate() {
			List<Error> errors = new ArrayList<>(checkKey(idempotencyKey));
			if (!MEMBER_CODE.matcher(code).matches()) {
				errors.add(Error.invalid("code", "code must be 1 to 50 letters, digits, dots, dashes or underscores"));
			}
			errors.addAll(checkName(name));
			return errors;
		}

	}

	/** The schema's {@code DimensionErrorCode}. */
	enum ErrorCode {

		INVALID_INPUT, IDEMPOTENCY_CONFLICT, DUPLICATE_DIMENSION_CODE, UNKNOWN_DIMENSION, DUPLICATE_MEMBER_CODE

	}

	/** The schema's {@code DimensionError}. */
	record Error(ErrorCode code, String message, @Nullable List<String> field) {

		static Error invalid(String inputField, String message) {
			return new Error(ErrorCode.INVALID_INPUT, message, List.of("input", inputField));
		}

		static Error conflict() {
			return new Error(ErrorCode.IDEMPOTENCY_CONFLICT, IdempotencyKeys.CONFLICT_MESSAGE,
					List.of("input", "idempotencyKey"));
		}

	}

	/** The schema's {@code CreateDimensionPayload}. */
	record DimensionPayload(@Nullable Dimension dimension, List<Error> userErrors) {

		static DimensionPayload failed(Error... errors) {
			return new DimensionPayload(null, List.of(errors));
		}

	}

	/** The schema's {@code CreateDimensionMemberPayload}. */
	record MemberPayload(@Nullable DimensionMember member, List<Error> userErrors) {

		static MemberPayload failed(Error... errors) {
			return new MemberPayload(null, List.of(errors));
		}

	}

	private static List<Error> checkKey(String idempotencyKey) {
		return IdempotencyKeys.problem(idempotencyKey).map(problem -> List.of(Error.invalid("idempotencyKey", problem))).orElse(List.of());
	}

	private static List<Error> checkName(String name) {
		if (name.isBlank() || name.strip().length() > NAME_LENGTH_MAX) {
			return List.of(Error.invalid("name", "name must have 1 to " + NAME_LENGTH_MAX + " characters"));
		}
		return List.of();
	}

}
