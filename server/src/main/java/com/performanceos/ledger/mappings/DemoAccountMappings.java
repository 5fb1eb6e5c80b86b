package com.performanceos.ledger.mappings;

import java.util.List;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.accounts.AccountDirectory;
import com.performanceos.platform.demo.DemoDataContributor;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;

/** How the demo tenant's Sage export, its accountant's Exact file and the plain PCG map to its pivot accounts. */
@Component
final class DemoAccountMappings implements DemoDataContributor {

	private record DemoMapping(String source, String sourceCode, String label, String pivotCode) {
	}

	/** More than the demo chart of accounts holds. */
	private static final int DEMO_ACCOUNTS_MAX = 1_000;

	private static final List<DemoMapping> MAPPINGS = List.of(
			new DemoMapping("SAGE", "411CLI", "Clients France", "411000"),
			new DemoMapping("SAGE", "401FOU", "Fournisseurs France", "401000"),
			new DemoMapping("SAGE", "512BNP", "BNP Paribas - compte courant", "512000"),
			new DemoMapping("SAGE", "512LIV", "Livret entreprise", "512100"),
			new DemoMapping("SAGE", "706PRE", "Prestations de services", "706000"),
			new DemoMapping("SAGE", "6132LOY", "Loyer bureaux Paris 11e", "613200"),
			new DemoMapping("EXACT", "130000", "Clients", "411000"),
			new DemoMapping("EXACT", "160000", "Fournisseurs", "401000"),
			new DemoMapping("EXACT", "110000", "Banque", "512000"),
			new DemoMapping("PCG", "411", "Clients", "411000"),
			new DemoMapping("PCG", "401", "Fournisseurs", "401000"),
			new DemoMapping("PCG", "512", "Banques", "512000"),
			new DemoMapping("PCG", "641", "Rémunérations du personnel", "641000"),
			new DemoMapping("PCG", "706", "Prestations de services", "706000"),
			new DemoMapping("PCG", "707", "Ventes de marchandises", "707000"));

	private final AccountMappingService mappings;

	private final TenantDatabase database;

	private final AccountDirectory directory;

	DemoAccountMappings(AccountMappingService mappings, TenantDatabase database, AccountDirectory directory) {
		this.directory = directory;
		this.mappings = mappings;
		this.database = database;
	}

	/** Runs with the dimensions, after the chart of accounts (100) it maps to. */
	@Override
	public int order() {
		return 110;
	}

	@Override
	public Mono<Void> seed(Viewer admin) {
		return database.run(admin.tenant(), tx -> directory.byCode(tx, DEMO_ACCOUNTS_MAX))
			.flatMapMany(accounts -> Flux.fromIterable(MAPPINGS)
				.filter(mapping -> accounts.containsKey(mapping.pivotCode()))
				.concatMap(mapping -> mappings.map(admin, new MapAccount.Input("demo-mapping-" + mapping.source() + "-" + mapping.sourceCode(),
						mapping.source(), mapping.sourceCode(), mapping.label(),
						accounts.get(mapping.pivotCode()).id()), null)))
			.then();
	}

}
