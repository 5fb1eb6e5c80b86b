package com.performanceos.ledger.receivables.invoices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.platform.demo.DemoDataContributor;
import com.performanceos.platform.security.Viewer;

/**
 * Customer and supplier invoices of a French SME for the demo tenant, some partly or fully paid and
 * some well overdue, so aging, working capital and escalations have something to show.
 */
@Component
final class DemoInvoices implements DemoDataContributor {

	private static final Currency EUR = Currency.getInstance("EUR");

	private static final List<DemoInvoice> INVOICES = List.of(
			customer("FA-2026-0412", "C-ATELIERLYON", "Atelier Lyonnais SARL", "Auvergne-Rhône-Alpes", "2026-07-03", "2026-08-02",
					"18400.00", "2026-08-20", "6000.00"),
			customer("FA-2026-0437", "C-BOULANGNANTES", "Boulangeries de Nantes SAS", "Pays de la Loire", "2026-08-14",
					"2026-09-13", "7250.00", null, null),
			customer("FA-2026-0451", "C-ATELIERLYON", "Atelier Lyonnais SARL", "Auvergne-Rhône-Alpes", "2026-09-01", "2026-10-01",
					"12900.00", "2026-10-05", "12900.00"),
			customer("FA-2026-0468", "C-VINSBORDEAUX", "Vins & Domaines de Bordeaux", "Nouvelle-Aquitaine", "2026-09-22",
					"2026-10-22", "31500.00", "2026-11-02", "10000.00"),
			customer("FA-2026-0490", "C-MECALILLE", "Mécanique de Lille SA", "Hauts-de-France", "2026-10-15", "2026-11-14",
					"4820.50", null, null),
			customer("FA-2026-0503", "C-BOULANGNANTES", "Boulangeries de Nantes SAS", "Pays de la Loire", "2026-11-05",
					"2026-12-05", "9600.00", null, null),
			supplier("F-ACIERS-88231", "S-ACIERSEST", "Aciers de l'Est", "Grand Est", "2026-08-28", "2026-10-12", "22300.00",
					"2026-10-10", "22300.00"),
			supplier("F-TRANSMED-5520", "S-TRANSMED", "Transports Méditerranée", "Provence-Alpes-Côte d'Azur", "2026-09-30",
					"2026-10-30", "3480.00", null, null),
			supplier("F-IMMOPARIS-1126", "S-IMMOPARIS", "Foncière Paris Rive Gauche", "Île-de-France", "2026-11-01", "2026-11-10",
					"6200.00", "2026-11-09", "3100.00"));

	private final InvoiceService invoices;

	DemoInvoices(InvoiceService invoices) {
		this.invoices = invoices;
	}

	@Override
	public int order() {
		return 140;
	}

	@Override
	public Mono<Void> seed(Viewer admin) {
		return Flux.fromIterable(INVOICES).concatMap(demo -> invoices.create(admin, demo.input(), null).flatMap(created -> {
			if (created.invoice() == null || demo.paymentDate() == null || demo.paymentAmount() == null) {
				return Mono.empty();
			}
			return invoices.recordPayment(admin, new InvoiceInputs.PaymentInput("demo-payment-" + demo.input().number(),
					created.invoice().id(), demo.paymentDate(), demo.paymentAmount(), EUR), null);
		})).then();
	}

	private static DemoInvoice customer(String number, String code, String name, String region, String issued, String due,
			String amount, @Nullable String paidOn, @Nullable String paid) {
		return demo(InvoiceKind.CUSTOMER, number, code, name, region, issued, due, amount, paidOn, paid);
	}

	private static DemoInvoice supplier(String number, String code, String name, String region, String issued, String due,
			String amount, @Nullable String paidOn, @Nullable String paid) {
		return demo(InvoiceKind.SUPPLIER, number, code, name, region, issued, due, amount, paidOn, paid);
	}

	private static DemoInvoice demo(InvoiceKind kind, String number, String code, String name, String region, String issued,
			String due, String amount, @Nullable String paidOn, @Nullable String paid) {
		return new DemoInvoice(new InvoiceInputs.CreateInput("demo-invoice-" + kind + "-" + number, kind, number, code, name,
				region, LocalDate.parse(issued), LocalDate.parse(due), new BigDecimal(amount), EUR),
				paidOn == null ? null : LocalDate.parse(paidOn), paid == null ? null : new BigDecimal(paid));
	}

	private record DemoInvoice(InvoiceInputs.CreateInput input, @Nullable LocalDate paymentDate,
			@Nullable BigDecimal paymentAmount) {
	}

}
