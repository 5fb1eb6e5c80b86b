package com.performanceos.ledger.imports;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.platform.demo.DemoDataContributor;
import com.performanceos.platform.security.Viewer;

/**
 * Demo imports for the demo tenant, through the same start-and-upload path as any client: a small
 * journal of a French SME (after the chart of accounts, order 100), a CRM export of deals and the
 * quarter's quotas. Their jobs run in the background like any import's.
 */
@Component
final class DemoImports implements DemoDataContributor {

	private static final String JOURNAL = """
			Pièce;Date;Compte;Débit;Crédit;Devise;Libellé
			VT-2026-0001;05/01/2026;411000;14400,00;;EUR;Facture Boulangerie Durand - abonnement annuel
			VT-2026-0001;05/01/2026;706000;;12000,00;EUR;Abonnement Pro 2026
			VT-2026-0001;05/01/2026;445710;;2400,00;EUR;TVA collectée 20 %
			AC-2026-0001;12/01/2026;613200;2500,00;;EUR;Loyer bureaux Lyon janvier
			AC-2026-0001;12/01/2026;445660;500,00;;EUR;TVA déductible
			AC-2026-0001;12/01/2026;401000;;3000,00;EUR;SCI Part-Dieu
			BQ-2026-0001;31/01/2026;512000;14400,00;;EUR;Règlement Boulangerie Durand
			BQ-2026-0001;31/01/2026;411000;;14400,00;EUR;Règlement Boulangerie Durand
			""";

	private static final String DEALS = """
			Opportunité,Commercial,Produit,Région,Montant,ARR,Étape,Clôture,Devise
			OPP-2026-001,Camille Martin,Abonnement Pro,Île-de-France,24000.00,24000.00,Closed Won,2026-01-14,EUR
			OPP-2026-002,Lucas Bernard,Licence Entreprise,Auvergne-Rhône-Alpes,58000.00,0,Closed Won,2026-01-28,EUR
			OPP-2026-003,Chloé Petit,Abonnement Essentiel,Nouvelle-Aquitaine,7200.00,7200.00,Closed Won,2026-02-03,EUR
			OPP-2026-004,Camille Martin,Formation,Île-de-France,4500.00,0,Closed Lost,2026-02-10,EUR
			OPP-2026-005,Hugo Moreau,Abonnement Pro,Occitanie,18000.00,18000.00,Negotiation,2026-03-20,EUR
			OPP-2026-006,Chloé Petit,Licence Entreprise,Nouvelle-Aquitaine,42000.00,0,Proposal,2026-03-31,EUR
			""";

	private static final String QUOTAS = """
			Commercial;Mois;Objectif;Devise
			Camille Martin;2026-01;30000;EUR
			Lucas Bernard;2026-01;50000;EUR
			Chloé Petit;2026-01;20000;EUR
			Hugo Moreau;2026-01;25000;EUR
			Camille Martin;2026-02;30000;EUR
			Lucas Bernard;2026-02;50000;EUR
			Chloé Petit;2026-02;20000;EUR
			Hugo Moreau;2026-02;25000;EUR
			""";

	private final ImportService imports;

	DemoImports(ImportService imports) {
		this.imports = imports;
	}

	@Override
	public int order() {
		return 120;
	}

	@Override
	public Mono<Void> seed(Viewer admin) {
		return Flux.concat(
				run(admin, ImportKind.JOURNAL_LINES, "grand-livre-janvier-2026.csv", JOURNAL, Map.of("Pièce", ImportField.ENTRY_REFERENCE,
						"Date", ImportField.EFFECTIVE_DATE, "Compte", ImportField.ACCOUNT_CODE, "Débit", ImportField.DEBIT, "Crédit",
						ImportField.CREDIT, "Devise", ImportField.CURRENCY, "Libellé", ImportField.MEMO), 8, "31800",
						new StartImport.Options(";", StartImport.DecimalSeparator.COMMA, "dd/MM/yyyy")),
				run(admin, ImportKind.DEALS, "export-crm-t1-2026.csv", DEALS, Map.of("Opportunité", ImportField.DEAL_ID, "Commercial",
						ImportField.REP, "Produit", ImportField.PRODUCT, "Région", ImportField.REGION, "Montant", ImportField.AMOUNT, "ARR",
						ImportField.ARR, "Étape", ImportField.STAGE, "Clôture", ImportField.CLOSE_DATE, "Devise", ImportField.CURRENCY), 6,
						"153700", null),
				run(admin, ImportKind.QUOTAS, "objectifs-2026.csv", QUOTAS, Map.of("Commercial", ImportField.REP, "Mois", ImportField.PERIOD,
						"Objectif", ImportField.AMOUNT, "Devise", ImportField.CURRENCY), 8, "250000",
						new StartImport.Options(";", null, null)))
			.then();
	}

	/** Starts a demo import and uploads its file, as a client would; a replayed start (already uploaded) does nothing. */
	Mono<Void> run(Viewer admin, ImportKind kind, String fileName, String content, Map<String, ImportField> mapping, long rows,
			String amountSum, StartImport.Options options) {
		List<StartImport.ColumnMapping> columns = mapping.entrySet().stream()
			.map(entry -> new StartImport.ColumnMapping(entry.getKey(), entry.getValue()))
			.toList();
		var input = new StartImport.Input("demo-import-" + kind.name().toLowerCase(java.util.Locale.ROOT), kind, fileName, columns,
				new StartImport.ControlTotals(rows, new BigDecimal(amountSum)), options);
		return imports.start(admin, input, null)
			.flatMap(payload -> Mono.justOrEmpty(payload.importRecord()))
			.filter(started -> started.status() == ImportStatus.AWAITING_CONTENT)
			.flatMap(started -> imports.receive(admin, started,
					Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(content.getBytes(StandardCharsets.UTF_8)))))
			.then();
	}

}
