package com.performanceos.ledger.accounts;

import java.util.Currency;
import java.util.List;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.platform.demo.DemoDataContributor;
import com.performanceos.platform.security.Viewer;

/** A French-style (PCG) chart of pivot accounts for the demo tenant. */
@Component
final class DemoChartOfAccounts implements DemoDataContributor {

	private static final Currency EUR = Currency.getInstance("EUR");

	private static final List<CreateAccount.Input> ACCOUNTS = List.of(
			account("101000", "Capital social", AccountType.EQUITY),
			account("164000", "Emprunts auprès des établissements de crédit", AccountType.LIABILITY),
			account("401000", "Fournisseurs", AccountType.LIABILITY),
			account("411000", "Clients", AccountType.ASSET),
			account("445660", "TVA déductible sur autres biens et services", AccountType.ASSET),
			account("445710", "TVA collectée", AccountType.LIABILITY),
			account("512000", "Banque - compte courant", AccountType.ASSET),
			account("512100", "Banque - compte épargne", AccountType.ASSET),
			account("530000", "Caisse", AccountType.ASSET),
			account("601000", "Achats de matières premières", AccountType.EXPENSE),
			account("613200", "Locations immobilières", AccountType.EXPENSE),
			account("622600", "Honoraires", AccountType.EXPENSE),
			account("641000", "Rémunérations du personnel", AccountType.EXPENSE),
			account("645000", "Charges de sécurité sociale", AccountType.EXPENSE),
			account("706000", "Prestations de services", AccountType.REVENUE),
			account("707000", "Ventes de marchandises", AccountType.REVENUE));

	private final AccountService accounts;

	DemoChartOfAccounts(AccountService accounts) {
		this.accounts = accounts;
	}

	@Override
	public int order() {
		return 100;
	}

	@Override
	public Mono<Void> seed(Viewer admin) {
		return Flux.fromIterable(ACCOUNTS).concatMap(input -> accounts.create(admin, input, null)).then();
	}

	private static CreateAccount.Input account(String code, String name, AccountType type) {
		return new CreateAccount.Input("demo-account-" + code, code, name, type, EUR);
	}

}
