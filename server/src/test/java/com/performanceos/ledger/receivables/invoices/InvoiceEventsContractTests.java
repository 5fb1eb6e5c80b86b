package com.performanceos.ledger.receivables.invoices;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.performanceos.platform.events.DomainEvent;
import com.performanceos.platform.events.EventCodec;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The invoices' events as the outbox stores them: type names, JSON fields, and back. */
class InvoiceEventsContractTests extends IntegrationTest {

	@Autowired
	private EventCodec codec;

	@Autowired
	private JsonMapper json;

	@Test
	void invoiceCreatedRoundTripsUnderItsTypeAndFieldNames() {
		InvoiceCreated created = new InvoiceCreated("SW52b2ljZTox", "RECEIVABLE", "F-2026-001", "C001", "Durand SA", "ARA", "2026-05-04",
				"2026-06-03", "1200.50", "0", "EUR");

		DomainEvent stored = codec.encode("tenant-a", Instant.parse("2026-05-04T10:00:00Z"), created);

		assertThat(stored.type()).isEqualTo("ledger.InvoiceCreated");
		// Sinks outside this code base (analytics, webhooks) read these names: they stay as they were.
		JsonNode payload = json.readTree(stored.payload());
		assertThat(payload.propertyNames()).containsExactly("id", "kind", "number", "counterpartyCode", "counterpartyName", "region",
				"issueDate", "dueDate", "amount", "paidAmount", "currency");
		assertThat(payload.get("amount").asString()).isEqualTo("1200.50");
		assertThat(payload.get("dueDate").asString()).isEqualTo("2026-06-03");
		assertThat(codec.decode(stored, InvoiceCreated.class)).isEqualTo(created);
	}

	@Test
	void invoicePaymentRecordedRoundTripsUnderItsTypeAndFieldNames() {
		InvoicePaymentRecorded recorded = new InvoicePaymentRecorded("SW52b2ljZVBheW1lbnQ6MQ==", "SW52b2ljZTox", "2026-05-20", "200.00",
				"EUR", "200.00", "PARTIALLY_PAID");

		DomainEvent stored = codec.encode("tenant-a", Instant.parse("2026-05-20T10:00:00Z"), recorded);

		assertThat(stored.type()).isEqualTo("ledger.InvoicePaymentRecorded");
		JsonNode payload = json.readTree(stored.payload());
		assertThat(payload.propertyNames()).containsExactly("id", "invoiceId", "paymentDate", "amount", "currency", "invoicePaidAmount",
				"invoiceStatus");
		assertThat(payload.get("invoicePaidAmount").asString()).isEqualTo("200.00");
		assertThat(codec.decode(stored, InvoicePaymentRecorded.class)).isEqualTo(recorded);
	}

}
