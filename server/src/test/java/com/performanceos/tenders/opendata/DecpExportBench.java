package com.performanceos.tenders.opendata;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

import com.performanceos.platform.digest.Sha256;
import com.performanceos.platform.security.Role;
import com.performanceos.tenders.ContractFixture;
import com.performanceos.testsupport.IntegrationTest;
import com.performanceos.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DECP export of 100,000 contracts, run on demand by {@code bench/run-decp-export-bench.sh} (not part of the suite:
 * its name is no test's). One contract is signed through the API, then copied in SQL (tender, lot, contract; one in
 * ten with an amendment) to {@code -Ddecp.bench.contracts}; the export is downloaded as a stream (the client keeps no
 * copy) while the heap's peak is watched. The script runs the JVM with a small heap ({@code -Xmx256m}): that the
 * export completes there is the claim of bounded memory; the figures go to bench/README.md.
 */
class DecpExportBench extends IntegrationTest {

	private static final int CONTRACTS = Integer.getInteger("decp.bench.contracts", 100_000);

	@Test
	void exportsAHundredThousandContractsWithBoundedMemory() throws Exception {
		String tenant = newTenant("decp-bench");
		ContractFixture.sign(web, tokens, port, tenant, "DECP-BENCH", "80000", "73282932000074");
		long seedStart = System.nanoTime();
		seed(tenant, CONTRACTS);
		System.out.printf("BENCH seeded %,d contracts in %,d ms%n", CONTRACTS, (System.nanoTime() - seedStart) / 1_000_000);

		List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
			.toList();
		System.gc();
		heap.forEach(MemoryPoolMXBean::resetPeakUsage);
		MessageDigest digest = Sha256.newDigest();
		AtomicLong bytes = new AtomicLong();
		long start = System.nanoTime();
		ResponseEntity<Flux<DataBuffer>> response = WebClient.create("http://127.0.0.1:" + port).get().uri("/exports/tenders/decp.json")
			.header("Authorization", "Bearer " + tokens.token("bench", tenant, Role.BUYER))
			.retrieve()
			.toEntityFlux(DataBuffer.class)
			.block(Duration.ofMinutes(30));
		assertThat(response).isNotNull();
		response.getBody().doOnNext(buffer -> {
			bytes.addAndGet(buffer.readableByteCount());
			try (DataBuffer.ByteBufferIterator chunks = buffer.readableByteBuffers()) {
				chunks.forEachRemaining(digest::update);
			}
			DataBufferUtils.release(buffer);
		}).blockLast(Duration.ofMinutes(30));
		long elapsedMs = (System.nanoTime() - start) / 1_000_000;
		long peakBytes = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();

		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(response.getHeaders().getFirst("X-Content-SHA256"));
		assertThat(exportedCount(tenant)).isEqualTo(CONTRACTS);
		System.out.printf("BENCH DECP export of %,d contracts: %,d ms, %,d MiB sent, %.0f contracts/s; heap peak %,d MiB (sum of pool peaks) "
				+ "of a %,d MiB maximum%n", CONTRACTS, elapsedMs, bytes.get() >> 20, CONTRACTS * 1000.0 / elapsedMs, peakBytes >> 20,
				Runtime.getRuntime().maxMemory() >> 20);
	}

	/** Copies the tenant's one signed contract (with its tender and lot) until it has {@code total}; one in ten amended. */
	private static void seed(String tenant, int total) throws Exception {
		try (Connection connection = TestServices.shared().superuserConnection()) {
			connection.setAutoCommit(false);
			UUID contract;
			UUID lot;
			UUID tender;
			try (PreparedStatement find = connection.prepareStatement("SELECT id, lot_id, tender_id FROM tenders_contract WHERE tenant_id = ?")) {
				find.setString(1, tenant);
				try (ResultSet row = find.executeQuery()) {
					row.next();
					contract = row.getObject(1, UUID.class);
					lot = row.getObject(2, UUID.class);
					tender = row.getObject(3, UUID.class);
				}
			}
			try (Statement sql = connection.createStatement()) {
				sql.execute("CREATE TEMP TABLE bench_ids ON COMMIT DROP AS SELECT n, gen_random_uuid() AS tender_id, gen_random_uuid() AS lot_id, "
						+ "gen_random_uuid() AS contract_id FROM generate_series(2, " + total + ") n");
				sql.execute("INSERT INTO tenders_tender SELECT (jsonb_populate_record(NULL::tenders_tender, to_jsonb(t) || jsonb_build_object("
						+ "'id', b.tender_id, 'reference', 'B-' || b.n))).* FROM tenders_tender t, bench_ids b WHERE t.id = '" + tender + "'");
				sql.execute("INSERT INTO tenders_lot SELECT (jsonb_populate_record(NULL::tenders_lot, to_jsonb(l) || jsonb_build_object("
						+ "'id', b.lot_id, 'tender_id', b.tender_id))).* FROM tenders_lot l, bench_ids b WHERE l.id = '" + lot + "'");
				sql.execute("INSERT INTO tenders_contract SELECT (jsonb_populate_record(NULL::tenders_contract, to_jsonb(c) || jsonb_build_object("
						+ "'id', b.contract_id, 'lot_id', b.lot_id, 'tender_id', b.tender_id, 'tender_reference', 'B-' || b.n, "
						+ "'amount', 40000 + b.n))).* FROM tenders_contract c, bench_ids b WHERE c.id = '" + contract + "'");
				sql.execute("INSERT INTO tenders_contract_amendment (tenant_id, id, contract_id, sequence, notified_on, published_on, amount, "
						+ "duration_months, reason, recorded_by) SELECT c.tenant_id, gen_random_uuid(), b.contract_id, 1, c.notified_on, "
						+ "c.notified_on, 50000 + b.n, 18, 'Travaux supplémentaires', 'bench' FROM tenders_contract c, bench_ids b "
						+ "WHERE c.id = '" + contract + "' AND b.n % 10 = 0");
				sql.execute("ANALYZE tenders_contract");
			}
			connection.commit();
		}
	}

	private static long exportedCount(String tenant) throws Exception {
		try (Connection connection = TestServices.shared().superuserConnection();
				PreparedStatement sql = connection.prepareStatement("SELECT (after_image->>'contracts')::bigint FROM audit_log WHERE tenant_id = ? "
						+ "AND action = 'tenders.open-data.exported'")) {
			sql.setString(1, tenant);
			try (ResultSet rows = sql.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

}
