package com.performanceos.ledger.imports;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.demo.DemoDataContributor;
import com.performanceos.platform.security.Viewer;

/**
 * Demo files for the demo tenant that need its bank accounts (order 130) and invoices (order 140)
 * first: a bank statement export of both demo accounts, dated relative to today like the
 * aggregator's demo transactions so the cockpit shows them, and a batch of invoices of late 2026.
 */
@Component
final class DemoStatementImports implements DemoDataContributor {

	/** The demo bank accounts' IBANs (BNP Paribas, Paris; Crédit Agricole, Lyon), written as on a statement. */
	private static final String PARIS = "FR49 3000 4008 1900 0123 4567 880";

	private static final String LYON = "FR58 1780 6001 2000 0456 7891 245";

	private static final String STATEMENT = """
			Compte;Référence;Date opération;Date valeur;Montant;Devise;Tiers;Libellé
			%1$s;RLV-P-0001;{9};{9};-1 250,00;EUR;EDF Entreprises;PRLV SEPA EDF ELECTRICITE
			%1$s;RLV-P-0002;{7};{6};6 480,00;EUR;Caves de Reims SAS;VIR REGLEMENT FA-2026-0488
			%1$s;RLV-P-0003;{4};{4};-3 200,00;EUR;SCI Haussmann;PRLV SEPA LOYER BUREAUX
			%2$s;RLV-L-0001;{6};{6};2 150,00;EUR;Traiteur Lyonnais SARL;VIR FACTURE FA-2026-0490
			%2$s;RLV-L-0002;{2};{1};-86,40;EUR;Crédit Agricole;COTISATION CARTE AFFAIRES
			""".formatted(PARIS, LYON);

	private static final String INVOICES = """
			N° facture;Sens;Code tiers;Tiers;Région;Date facture;Échéance;Montant TTC;Devise
			FA-2026-0521;CUSTOMER;C-CAVESREIMS;Caves de Reims SAS;Grand Est;03/11/2026;03/12/2026;8 640,00;EUR
			FA-2026-0534;CUSTOMER;C-TRAITLYON;Traiteur Lyonnais SARL;Auvergne-Rhône-Alpes;12/11/2026;12/12/2026;3 276,00;EUR
			FA-2026-0547;CUSTOMER;C-HOTELNICE;Hôtel Promenade Nice;Provence-Alpes-Côte d'Azur;20/11/2026;20/12/2026;12 960,00;EUR
			F-EDF-2026-1187;SUPPLIER;S-EDF;EDF Entreprises;Île-de-France;05/11/2026;05/12/2026;1 250,00;EUR
			F-PAPETERIE-0412;SUPPLIER;S-PAPBRET;Papeterie de Bretagne;Bretagne;14/11/2026;14/12/2026;684,50;EUR
			""";

	private static final StartImport.Options FRENCH = new StartImport.Options(";", StartImport.DecimalSeparator.COMMA, "dd/MM/yyyy");

	private final DemoImports demo;

	DemoStatementImports(DemoImports demo) {
		this.demo = demo;
	}

	@Override
	public int order() {
		return 150;
	}

	@Override
	public Mono<Void> seed(Viewer admin) {
		return demo.run(admin, ImportKind.BANK_STATEMENT, "releve-bancaire.csv", statement(LocalDate.now(ZoneOffset.UTC)),
					Map.of("Compte", ImportField.IBAN, "Référence", ImportField.TRANSACTION_ID, "Date opération", ImportField.BOOKING_DATE,
							"Date valeur", ImportField.VALUE_DATE, "Montant", ImportField.AMOUNT, "Devise", ImportField.CURRENCY, "Tiers",
							ImportField.COUNTERPARTY, "Libellé", ImportField.LABEL),
					5, "4093.60", FRENCH)
			.then(demo.run(admin, ImportKind.INVOICES, "factures-novembre-2026.csv", INVOICES,
					Map.of("N° facture", ImportField.INVOICE_NUMBER, "Sens", ImportField.INVOICE_KIND, "Code tiers", ImportField.COUNTERPARTY_CODE,
							"Tiers", ImportField.COUNTERPARTY, "Région", ImportField.REGION, "Date facture", ImportField.ISSUE_DATE, "Échéance",
							ImportField.DUE_DATE, "Montant TTC", ImportField.AMOUNT, "Devise", ImportField.CURRENCY),
					5, "26810.50", FRENCH));
	}

	/** The statement with each {@code {n}} replaced by the date n days before {@code today}. */
	static String statement(LocalDate today) {
		DateTimeFormatter french = DateTimeFormatter.ofPattern("dd/MM/yyyy");
		String content = STATEMENT;
		for (int days = 1; days <= 9; days++) {
			content = content.replace("{" + days + "}", today.minusDays(days).format(french));
		}
		return content;
	}

}
