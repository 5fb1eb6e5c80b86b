package com.performanceos.rules.sales.crm;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.idempotency.IdempotencyKeys;

/** {@code syncCrm}: its input, checks and payload, as bound to the schema. */
final class SyncCrm {

	static final String OPERATION = "sales.syncCrm";

	private SyncCrm() {
	}

	/** The mutation's input. */
	record Input(String idempotencyKey, CrmProvider provider) {

		String fingerprint() {
			return provider.name();
		}

		List<CrmError> validate() {
			List<CrmError> errors = new ArrayList<>();
			IdempotencyKeys.problem(idempotencyKey).ifPresent(problem -> errors.add(CrmError.invalid("idempotencyKey", problem)));
			return errors;
		}

	}

	/** The schema's {@code SyncCrmPayload}. */
	record Payload(@Nullable CrmSync sync, List<CrmError> userErrors) {

		static Payload queued(CrmSync sync) {
			return new Payload(sync, List.of());
		}

		static Payload failed(List<CrmError> errors) {
			return new Payload(null, errors);
		}

		static Payload failed(CrmError error) {
			return new Payload(null, List.of(error));
		}

		static Payload conflict() {
			return failed(CrmError.conflict());
		}

	}

}
