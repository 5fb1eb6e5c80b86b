package com.performanceos.tenders.procurement;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.performanceos.tenders.TenderError;

/** {@code publishTender}: its input and payload, as bound to the schema. */
final class PublishTender {

	private PublishTender() {
	}

	/** The mutation's input. */
	record Input(String tenderId) {
	}

	/** The schema's {@code PublishTenderPayload}. */
	record Payload(@Nullable Tender tender, List<TenderError> userErrors) {

		static Payload published(Tender tender) {
			return new Payload(tender, List.of());
		}

		static Payload failed(List<TenderError> errors) {
			return new Payload(null, errors);
		}

		static Payload failed(TenderError error) {
			return new Payload(null, List.of(error));
		}

	}

}
