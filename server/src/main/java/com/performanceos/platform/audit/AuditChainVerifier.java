package com.performanceos.platform.audit;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * Re-checks a tenant's audit chain inside PostgreSQL with the same {@code audit_record_hash} the
 * appends use, so there is one definition of a record's hash. The walk goes in sequence order, one
 * chunk of {@code performanceos.audit.verification.chunk-size} records per statement (and per
 * transaction), carrying only the last intact record's sequence and hash between chunks: memory
 * stays constant whatever the chain's length. It stops at the chain head read when it began, so
 * records appended meanwhile are neither checked nor mistaken for a break.
 */
@Service
class AuditChainVerifier {

	private static final Logger log = LoggerFactory.getLogger(AuditChainVerifier.class);

	/**
	 * Judges one chunk: each record must follow the previous one without a gap, name the previous
	 * record's hash as its own previous hash, and carry the hash its content recomputes to. Only the
	 * summary leaves the database: the intact prefix's size and end, and the first fault.
	 */
	private static final String CHECK_CHUNK = """
			WITH chunk AS (
			  SELECT seq, prev_hash, hash,
			         audit_record_hash(prev_hash, seq, id, occurred_at, actor, action, target_type, target_id,
			                           source_address, before_image, after_image) AS recomputed
			  FROM audit_log
			  WHERE tenant_id = :tenant AND seq > :afterSequence AND seq <= :lastSequence
			  ORDER BY seq
			  LIMIT :chunkSize),
			linked AS (
			  SELECT seq, prev_hash, hash, recomputed,
			         coalesce(lag(seq) OVER (ORDER BY seq), :afterSequence) AS previous_seq,
			         coalesce(lag(hash) OVER (ORDER BY seq), :afterHash) AS previous_hash
			  FROM chunk),
			judged AS (
			  SELECT seq, hash, previous_seq,
			         CASE WHEN seq <> previous_seq + 1 THEN 'MISSING'
			              WHEN prev_hash <> previous_hash THEN 'MISLINKED'
			              WHEN hash <> recomputed THEN 'ALTERED' END AS fault
			  FROM linked),
			first_fault AS (
			  SELECT seq, previous_seq, fault FROM judged WHERE fault IS NOT NULL ORDER BY seq LIMIT 1),
			intact AS (
			  SELECT seq, hash FROM judged WHERE NOT EXISTS (SELECT 1 FROM first_fault WHERE first_fault.seq <= judged.seq))
			SELECT (SELECT count(*) FROM chunk) AS read_count,
			       (SELECT count(*) FROM intact) AS intact_count,
			       (SELECT seq FROM intact ORDER BY seq DESC LIMIT 1) AS intact_last_seq,
			       (SELECT hash FROM intact ORDER BY seq DESC LIMIT 1) AS intact_last_hash,
			       first_fault.seq AS fault_seq, first_fault.previous_seq AS fault_previous_seq, first_fault.fault
			FROM (SELECT 1) AS one LEFT JOIN first_fault ON true""";

	private final TenantDatabase database;

	private final int chunkSize;

	AuditChainVerifier(TenantDatabase database, AuditProperties properties) {
		this.database = database;
		this.chunkSize = properties.verification().chunkSize();
	}

	Mono<AuditChainVerification> verify(String tenant) {
		return verify(tenant, chunkSize);
	}

	/** Verifies with the given chunk size; tests use small chunks to cross chunk boundaries on short chains. */
	Mono<AuditChainVerification> verify(String tenant, int recordsPerChunk) {
		return database.run(tenant, AuditChainVerifier::head)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap(head -> head.map(found -> walk(tenant, found, recordsPerChunk))
				.orElseGet(() -> Mono.just(AuditChainVerification.intact(0))))
			.doOnNext(result -> {
				if (!result.valid()) {
					log.warn("Audit chain of tenant {} is broken at sequence {}: {}", tenant, result.firstBrokenSequence(),
							result.reason());
				}
			});
	}

	private Mono<AuditChainVerification> walk(String tenant, Head head, int recordsPerChunk) {
		Progress start = new Progress(0, 0, AuditTrail.GENESIS_HASH, null);
		return Mono.just(start)
			.expand(progress -> progress.finished(head) ? Mono.empty()
					: database.run(tenant, tx -> checkChunk(tx, head, progress, recordsPerChunk)))
			.last()
			.map(progress -> progress.outcome(head));
	}

	private Mono<Progress> checkChunk(TenantTransaction tx, Head head, Progress progress, int recordsPerChunk) {
		return tx.db().sql(CHECK_CHUNK)
			.bind("tenant", tx.tenant())
			.bind("afterSequence", progress.lastSequence())
			.bind("afterHash", progress.lastHash())
			.bind("lastSequence", head.lastSequence())
			.bind("chunkSize", recordsPerChunk)
			.map(row -> {
				long read = row.get("read_count", Long.class);
				long intact = row.get("intact_count", Long.class);
				String fault = row.get("fault", String.class);
				Progress advanced = intact == 0 ? progress
						: new Progress(progress.checked() + intact, row.get("intact_last_seq", Long.class),
								row.get("intact_last_hash", String.class), null);
				if (fault != null) {
					return advanced.brokenBy(describe(fault, row.get("fault_seq", Long.class),
							row.get("fault_previous_seq", Long.class)));
				}
				if (read == 0) {
					return advanced.brokenBy(new Break(progress.lastSequence() + 1, missing(progress.lastSequence() + 1,
							head.lastSequence()) + ": the chain head says the chain ends at " + head.lastSequence()));
				}
				return advanced;
			})
			.one();
	}

	private static Break describe(String fault, long sequence, long previousSequence) {
		return switch (fault) {
			case "MISSING" -> new Break(previousSequence + 1, missing(previousSequence + 1, sequence - 1) + ": record "
					+ sequence + " follows record " + previousSequence);
			case "MISLINKED" -> new Break(sequence, "record " + sequence
					+ "'s previous hash is not the hash of record " + previousSequence + " (removed, replaced or reordered records)");
			case "ALTERED" -> new Break(sequence, "record " + sequence
					+ "'s stored hash does not match its content: the record was altered after it was written");
			default -> throw new IllegalStateException("Unknown chain fault " + fault);
		};
	}

	private static String missing(long first, long last) {
		return first == last ? "record " + first + " is missing" : "records " + first + " to " + last + " are missing";
	}

	private static Mono<Head> head(TenantTransaction tx) {
		return tx.db().sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE tenant_id = :tenant")
			.bind("tenant", tx.tenant())
			.map(row -> new Head(row.get("last_seq", Long.class), row.get("last_hash", String.class)))
			.one();
	}

	/** The chain's end as recorded when the verification began. */
	private record Head(long lastSequence, String lastHash) {
	}

	private record Break(long sequence, String reason) {
	}

	/**
	 * How far the walk got: the intact prefix (its size, last sequence and hash) and the break that
	 * ended it, if any. Each step either breaks or extends the prefix, so the walk terminates.
	 */
	private record Progress(long checked, long lastSequence, String lastHash, @Nullable Break broken) {

		boolean finished(Head head) {
			return broken != null || lastSequence >= head.lastSequence();
		}

		Progress brokenBy(Break cause) {
			return new Progress(checked, lastSequence, lastHash, cause);
		}

		AuditChainVerification outcome(Head head) {
			if (broken != null) {
				return AuditChainVerification.broken(checked, broken.sequence(), broken.reason());
			}
			if (!lastHash.equals(head.lastHash())) {
				// The last record is self-consistent but is not the one the chain head recorded: it was rewritten whole.
				return AuditChainVerification.broken(checked - 1, head.lastSequence(), "record " + head.lastSequence()
						+ "'s hash differs from the hash the chain head recorded for it");
			}
			return AuditChainVerification.intact(checked);
		}

	}

}
