package com.performanceos.tenders.organisations;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.performanceos.tenders.TenderError;
import com.performanceos.tenders.TenderErrorCode;

/** {@code registerOrganisation}: its input and payload, as bound to the schema. */
final class RegisterOrganisation {

	private static final int NAME_LENGTH_MAX = 200;

	private RegisterOrganisation() {
	}

	/** The mutation's input. */
	record Input(String siret, String name, OrganisationKind kind, @Nullable Boolean sme) {

		List<TenderError> validate() {
			List<TenderError> errors = new ArrayList<>();
			Siret.problem(siret).ifPresent(problem -> errors.add(TenderError.of(TenderErrorCode.INVALID_SIRET, "siret", problem)));
			if (name.isBlank() || name.strip().length() > NAME_LENGTH_MAX) {
				errors.add(TenderError.invalid("name", "name must have 1 to " + NAME_LENGTH_MAX + " characters"));
			}
			if (kind.buyer() && Boolean.TRUE.equals(sme)) {
				errors.add(TenderError.invalid("sme", "only a company can be an SME"));
			}
			return errors;
		}

	}

	/** The schema's {@code RegisterOrganisationPayload}. */
	record Payload(@Nullable Organisation organisation, List<TenderError> userErrors) {

		static Payload registered(Organisation organisation) {
			return new Payload(organisation, List.of());
		}

		static Payload failed(List<TenderError> errors) {
			return new Payload(null, errors);
		}

	}

}
