package com.performanceos.ledger.mappings;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.accounts.AccountDirectory;
import com.performanceos.platform.demo.DemoDataContributor;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;

/** How the demo tenant's Sage export, its accountant's Exact file and the plain PCG map to its pivot accounts. */
@Component
final class DemoAccountMappings implements DemoDataContributor {

	private record DemoMapping(String source, String sourceCode, String label, String pivotCode) {
	}

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

	DemoAccountMappings(AccountMappingService mappings, TenantDatabase database) {
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
		return database.inTransaction(admin.tenant(), db -> db.sql("SELECT id, code FROM ledger_account")
			.map(row -> Map.entry(row.get("code", String.class), row.get("id", UUID.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue))
			.flatMapMany(accounts -> Flux.fromIterable(MAPPINGS)
				.filter(mapping -> accounts.containsKey(mapping.pivotCode()))
				.concatMap(mapping -> mappings.map(admin, new MapAccount.Input("demo-mapping-" + mapping.source() + "-" + mapping.sourceCode(),
						mapping.source(), mapping.sourceCode(), mapping.label(),
						GlobalId.encode(AccountDirectory.typeName(), accounts.get(mapping.pivotCode()))), null)))
			.then();
	}

}
