package com.performanceos.ledger.bank;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.accounts.Account;
import com.performanceos.ledger.accounts.AccountDirectory;
import com.performanceos.platform.demo.DemoDataContributor;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;

/**
 * Two bank accounts of a French SME (Paris head office at BNP Paribas, Lyon branch at Crédit
 * Agricole), everyday categorisation rules, and a month of transactions dated relative to today,
 * some left unmatched for the manual queue. Runs after the chart of accounts (order 100).
 */
@Component
final class DemoBankData implements DemoDataContributor {

	private static final Currency EUR = Currency.getInstance("EUR");

	/** More than the demo chart of accounts holds. */
	private static final int DEMO_ACCOUNTS_MAX = 1_000;

	private final BankAccountService bankAccounts;

	private final RuleService rules;

	private final TransactionIngestion ingestion;

	private final TenantDatabase database;

	private final AccountDirectory accounts;

	DemoBankData(BankAccountService bankAccounts, RuleService rules, TransactionIngestion ingestion, TenantDatabase database,
			AccountDirectory accounts) {
		this.accounts = accounts;
		this.bankAccounts = bankAccounts;
		this.rules = rules;
		this.ingestion = ingestion;
		this.database = database;
	}

	@Override
	public int order() {
		return 130;
	}

	@Override
	public Mono<Void> seed(Viewer admin) {
		return accountIds(admin).flatMap(ids -> {
			LocalDate today = LocalDate.now(ZoneOffset.UTC);
			LocalDate opening = today.minusDays(35);
			String paris = "demo-bnp-" + admin.tenant();
			String lyon = "demo-ca-" + admin.tenant();
			return bankAccounts.create(admin, new CreateBankAccount.Input("demo-bank-bnp", "Compte courant Paris", "BNP Paribas", "FR-PARIS", EUR,
						iban("30004008190001234567880"), ids.get("512000"), new BigDecimal("48250.00"), opening, paris), null)
				.then(bankAccounts.create(admin, new CreateBankAccount.Input("demo-bank-ca", "Compte Lyon", "Crédit Agricole", "FR-LYON", EUR,
						iban("17806001200004567891245"), ids.get("512100"), new BigDecimal("12400.00"), opening, lyon), null))
				.thenMany(Flux.just(
						new RuleInputs.CreateInput("demo-rule-urssaf", "Cotisations URSSAF", "URSSAF", null, 10, ids.get("645000")),
						new RuleInputs.CreateInput("demo-rule-loyer", "Loyer des bureaux", null, "PRLV*LOYER*", 20, ids.get("613200")),
						new RuleInputs.CreateInput("demo-rule-salaires", "Salaires", null, "VIR SALAIRE*", 30, ids.get("641000")),
						new RuleInputs.CreateInput("demo-rule-expert", "Expert-comptable", "Cabinet Durand*", null, 40, ids.get("622600"))))
				.concatMap(rule -> rules.create(admin, rule, null))
				.then(ingest(paris, List.of(
						incoming("demo-p-001", today.minusDays(30), "-2480.00", "URSSAF Ile-de-France", "PRLV URSSAF COTISATIONS"),
						incoming("demo-p-002", today.minusDays(29), "-3200.00", "SCI Haussmann", "PRLV SEPA LOYER BUREAUX"),
						incoming("demo-p-003", today.minusDays(27), "14400.00", "Boulangeries Martin SAS", "VIR FACTURE F-2026-041"),
						incoming("demo-p-004", today.minusDays(25), "-11850.00", "Personnel", "VIR SALAIRES DU MOIS"),
						incoming("demo-p-005", today.minusDays(20), "-960.00", "Cabinet Durand & Associés", "PRLV HONORAIRES"),
						incoming("demo-p-006", today.minusDays(12), "8760.00", "Hôtel Le Lutetia", "VIR REGLEMENT F-2026-052"),
						incoming("demo-p-007", today.minusDays(5), "-389.90", "OVHcloud", "CB OVH SERVEURS")), admin))
				.then(ingest(lyon, List.of(
						incoming("demo-l-001", today.minusDays(28), "5200.00", "Traiteur Lyonnais SARL", "VIR FACTURE F-2026-044"),
						incoming("demo-l-002", today.minusDays(15), "-1450.00", "SCI Bellecour", "PRLV LOYER AGENCE LYON"),
						incoming("demo-l-003", today.minusDays(3), "-72.40", "Crédit Agricole", "FRAIS TENUE DE COMPTE")), admin));
		});
	}

	private Mono<Void> ingest(String externalId, List<AggregatorBatch.Incoming> transactions, Viewer admin) {
		return ingestion.route(admin.tenant(), externalId)
			.flatMap(route -> route.isEmpty() ? Mono.empty() : ingestion.ingest(route.get(), transactions, admin.subject(), null))
			.then();
	}

	private Mono<Map<String, String>> accountIds(Viewer admin) {
		return database.run(admin.tenant(), tx -> accounts.byCode(tx, DEMO_ACCOUNTS_MAX))
			.map(byCode -> byCode.values().stream().collect(Collectors.toMap(Account::code, Account::id)));
	}

	private static AggregatorBatch.Incoming incoming(String id, LocalDate date, String amount, String counterparty, String label) {
		return new AggregatorBatch.Incoming(id, date, date, new BigDecimal(amount), EUR, counterparty, label);
	}

	/** A valid French IBAN for a 23-character BBAN (check digits computed, mod-97). */
	static String iban(String bban) {
		StringBuilder digits = new StringBuilder();
		for (char c : (bban + "FR00").toCharArray()) {
			digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
		}
		int check = 98 - new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
		return "FR" + String.format("%02d", check) + bban;
	}

}
