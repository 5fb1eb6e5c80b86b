package com.performanceos.tenders.bids;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.mutations.Idempotency;
import com.performanceos.platform.mutations.Mutations;
import com.performanceos.platform.mutations.Outcome;
import com.performanceos.platform.privacy.FieldCipher;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.platform.tenancy.TenantTransaction;
import com.performanceos.tenders.TenderErrorCode;
import com.performanceos.tenders.organisations.Organisation;
import com.performanceos.tenders.organisations.OrganisationDirectory;
import com.performanceos.tenders.procurement.Lot;
import com.performanceos.tenders.procurement.LotStatus;
import com.performanceos.tenders.procurement.TenderDirectory;
import com.performanceos.tenders.procurement.TenderDirectory.LotFacts;

/** A vendor's bids: submitted, replaced and withdrawn before the deadline, read back by their vendor only. */
@Service
class BidService {

	private static final String COLUMNS = "id, lot_id, status, version, submitted_at, withdrawn_at, vendor_copy";

	private final TenantDatabase database;

	private final Mutations mutations;

	private final OrganisationDirectory organisations;

	private final TenderDirectory tenders;

	private final BidKeys keys;

	private final FieldCipher cipher;

	private final SecureRandom random = new SecureRandom();

	BidService(TenantDatabase database, Mutations mutations, OrganisationDirectory organisations, TenderDirectory tenders, BidKeys keys,
			FieldCipher cipher) {
		this.database = database;
		this.mutations = mutations;
		this.organisations = organisations;
		this.tenders = tenders;
		this.keys = keys;
		this.cipher = cipher;
	}

	Mono<SubmitBid.Payload> submit(Viewer viewer, SubmitBid.Input input, @Nullable String sourceAddress) {
		return Mutations.unlessInvalid(input.validate(), SubmitBid.Payload::failed, () -> {
			Optional<UUID> lotKey = GlobalId.decode(input.lotId(), Lot.TYPE_NAME);
			if (lotKey.isEmpty()) {
				return Mono.just(SubmitBid.Payload.failed(TenderErrorCode.NOT_FOUND, "lotId", "No such lot"));
			}
			return mutations.idempotent(viewer.tenant(), new Idempotency<>(SubmitBid.OPERATION, input.idempotencyKey(), input.fingerprint(),
					SubmitBid.Payload::conflict, (tx, key) -> find(tx, List.of(key))
						.flatMap(found -> Mono.justOrEmpty(found.values().stream().findFirst()))
						.map(SubmitBid.Payload::of)),
					tx -> organisations.current(tx.db()).flatMap(vendor -> vendor.filter(found -> !found.kind().buyer()).isEmpty()
							? Mono.just(Outcome.rejected(SubmitBid.Payload.failed(TenderErrorCode.ORGANISATION_REQUIRED, "lotId",
									"Register the tenant's company before bidding")))
							: tenders.lot(tx.db(), lotKey.get())
								.flatMap(lot -> submit(tx, viewer, input, lot, vendor.get(), sourceAddress))
								.switchIfEmpty(Mono.fromSupplier(() -> Outcome.rejected(SubmitBid.Payload.failed(TenderErrorCode.NOT_FOUND,
										"lotId", "No such lot"))))))
				// The database refuses a row stamped at or after the deadline even if the deadline passed between the checks.
				.onErrorResume(BidService::stampedTooLate, ex -> Mono.just(late("lotId")));
		});
	}

	private Mono<Outcome<SubmitBid.Payload>> submit(TenantTransaction tx, Viewer viewer, SubmitBid.Input input, LotFacts lot,
			Organisation vendor, @Nullable String sourceAddress) {
		if (lot.status() == LotStatus.CLOSED) {
			return Mono.just(Outcome.rejected(late("lotId")));
		}
		if (lot.status() != LotStatus.PUBLISHED || lot.bidPublicKey() == null || lot.ownedByCaller()) {
			return Mono.just(Outcome.rejected(SubmitBid.Payload.failed(TenderErrorCode.INVALID_STATE, "lotId",
					"The lot does not accept bids (status " + lot.status() + ")")));
		}
		return now(tx.db()).flatMap(now -> now.isBefore(lot.deadline())
				? existing(tx.db(), lot.lotKey()).map(Optional::of).defaultIfEmpty(Optional.empty())
					.flatMap(previous -> write(tx, viewer, input, lot, vendor, now, previous, sourceAddress))
				: Mono.just(Outcome.rejected(late("lotId"))));
	}

	private Mono<Outcome<SubmitBid.Payload>> write(TenantTransaction tx, Viewer viewer, SubmitBid.Input input, LotFacts lot,
			Organisation vendor, Instant now, Optional<Map.Entry<UUID, Integer>> previous, @Nullable String sourceAddress) {
		UUID bidKey = previous.map(Map.Entry::getKey).orElseGet(UUID::randomUUID);
		int version = previous.map(entry -> entry.getValue() + 1).orElse(1);
		byte[] nonce = new byte[16];
		random.nextBytes(nonce);
		BidContent content = new BidContent(bidKey, lot.lotKey(), vendor.siret().value(), vendor.name(), vendor.sme(), input.amount(),
				input.documentsOrNone().stream().map(document -> new BidDocument(document.name(), document.sha256())).toList(),
				HexFormat.of().formatHex(nonce), now);
		String canonical = content.canonical();
		String sql = previous.isPresent()
				? "UPDATE tenders_bid SET status = 'SUBMITTED', version = :version, submitted_at = :at, withdrawn_at = NULL, "
						+ "sealed_content = :sealed, vendor_copy = :copy, receipt_sha256 = :receipt WHERE id = :id AND tenant_id = :tenant"
				: "INSERT INTO tenders_bid (tenant_id, id, buyer_tenant_id, tender_id, lot_id, deadline, status, version, submitted_at, "
						+ "sealed_content, vendor_copy, receipt_sha256) VALUES (:tenant, :id, :buyer, :tender, :lot, :deadline, 'SUBMITTED', "
						+ ":version, :at, :sealed, :copy, :receipt)";
		var statement = tx.db().sql(sql)
			.bind("tenant", tx.tenant())
			.bind("id", bidKey)
			.bind("version", version)
			.bind("at", now.atOffset(ZoneOffset.UTC))
			.bind("sealed", keys.seal(lot.bidPublicKey(), bidKey.toString(), canonical))
			.bind("copy", cipher.encrypt(vendorCopyContext(tx.tenant(), bidKey), canonical))
			.bind("receipt", content.sha256());
		if (previous.isEmpty()) {
			statement = statement.bind("buyer", lot.buyerTenant())
				.bind("tender", lot.tenderKey())
				.bind("lot", lot.lotKey())
				.bind("deadline", lot.deadline().atOffset(ZoneOffset.UTC));
		}
		Bid bid = new Bid(bidKey, lot.lotKey(), BidStatus.SUBMITTED, version, now, null, content);
		// The audit record stays in the vendor's tenant and carries no amount: the receipt's digest is the proof.
		return statement.then().thenReturn(Outcome.committed(SubmitBid.Payload.of(bid), bidKey,
				new AuditEntry(viewer.subject(), version == 1 ? "tenders.bid.submitted" : "tenders.bid.replaced", Bid.TYPE_NAME, bid.id(),
						sourceAddress, null, Map.of("lot", lot.lotKey().toString(), "version", version, "receiptSha256", content.sha256()))));
	}

	Mono<SubmitBid.Payload> withdraw(Viewer viewer, SubmitBid.WithdrawInput input, @Nullable String sourceAddress) {
		Optional<UUID> bidKey = GlobalId.decode(input.bidId(), Bid.TYPE_NAME);
		if (bidKey.isEmpty()) {
			return Mono.just(SubmitBid.Payload.failed(TenderErrorCode.NOT_FOUND, "bidId", "No such bid"));
		}
		return mutations.once(viewer.tenant(), tx -> tx.db()
			.sql("SELECT status, deadline, clock_timestamp() AS now FROM tenders_bid WHERE id = :id AND tenant_id = :tenant FOR UPDATE")
			.bind("id", bidKey.get())
			.bind("tenant", tx.tenant())
			.map(row -> Map.entry(row.get("status", String.class),
					row.get("now", OffsetDateTime.class).isBefore(row.get("deadline", OffsetDateTime.class))))
			.one()
			.flatMap(state -> {
				if (!state.getValue()) {
					return Mono.just(Outcome.rejected(late("bidId")));
				}
				if (!BidStatus.SUBMITTED.name().equals(state.getKey())) {
					return Mono.just(Outcome.rejected(SubmitBid.Payload.failed(TenderErrorCode.INVALID_STATE, "bidId", "The bid is already withdrawn")));
				}
				return tx.db().sql("UPDATE tenders_bid SET status = 'WITHDRAWN', withdrawn_at = clock_timestamp(), sealed_content = NULL, "
						+ "vendor_copy = NULL, receipt_sha256 = NULL WHERE id = :id AND tenant_id = :tenant")
					.bind("id", bidKey.get())
					.bind("tenant", tx.tenant())
					.then()
					.then(find(tx, List.of(bidKey.get())))
					.map(found -> Outcome.committed(SubmitBid.Payload.of(found.get(bidKey.get())),
							new AuditEntry(viewer.subject(), "tenders.bid.withdrawn", Bid.TYPE_NAME, input.bidId(), sourceAddress,
									Map.of("status", "SUBMITTED"), Map.of("status", "WITHDRAWN"))));
			})
			.switchIfEmpty(Mono.fromSupplier(() -> Outcome.rejected(SubmitBid.Payload.failed(TenderErrorCode.NOT_FOUND, "bidId",
					"No such bid")))))
			.onErrorResume(BidService::stampedTooLate, ex -> Mono.just(late("bidId")));
	}

	Mono<Connection<Bid>> mine(Viewer viewer, PageRequest page) {
		String cursor = page.cursorKey() == null ? "" : " AND id::text " + (page.forward() ? ">" : "<") + " :cursor";
		return database.inTransaction(viewer.tenant(), db -> {
			var select = db.sql("SELECT " + COLUMNS + " FROM tenders_bid WHERE tenant_id = :tenant" + cursor + " ORDER BY id::text "
					+ (page.forward() ? "ASC" : "DESC") + " LIMIT :limit")
				.bind("tenant", viewer.tenant())
				.bind("limit", page.size() + 1);
			if (page.cursorKey() != null) {
				select = select.bind("cursor", page.cursorKey());
			}
			Mono<List<Bid>> rows = select.map(row -> toBid(row, viewer.tenant())).all().collectList();
			Mono<Long> total = db.sql("SELECT count(*) AS total FROM tenders_bid WHERE tenant_id = :tenant")
				.bind("tenant", viewer.tenant())
				.map(row -> row.get("total", Long.class))
				.one();
			return rows.zipWith(total, (found, count) -> Connection.fromKeyset(page, found, bid -> bid.key().toString(), count.intValue()));
		});
	}

	/** The caller's own bids with these keys: never another tenant's, even when the policy would show it after the deadline. */
	Mono<Map<UUID, Bid>> load(Viewer viewer, Collection<UUID> keys) {
		return database.run(viewer.tenant(), tx -> find(tx, keys));
	}

	Mono<Map<Bid, Lot>> lots(Viewer viewer, List<Bid> bids) {
		return database.inTransaction(viewer.tenant(), db -> tenders.lots(db, bids.stream().map(Bid::lotKey).distinct().toList()))
			.map(lots -> {
				Map<UUID, Lot> byKey = lots.stream().collect(Collectors.toMap(Lot::key, Function.identity()));
				Map<Bid, Lot> result = new java.util.LinkedHashMap<>();
				bids.forEach(bid -> {
					Lot lot = byKey.get(bid.lotKey());
					if (lot != null) {
						result.put(bid, lot);
					}
				});
				return result;
			});
	}

	private Mono<Map<UUID, Bid>> find(TenantTransaction tx, Collection<UUID> keys) {
		String tenant = tx.tenant();
		return tx.db().sql("SELECT " + COLUMNS + " FROM tenders_bid WHERE id = ANY(:keys) AND tenant_id = :tenant")
			.bind("keys", keys.toArray(UUID[]::new))
			.bind("tenant", tenant)
			.map(row -> toBid(row, tenant))
			.all()
			.collect(Collectors.toMap(Bid::key, Function.identity()));
	}

	private static Mono<Map.Entry<UUID, Integer>> existing(DatabaseClient db, UUID lotKey) {
		return db.sql("SELECT id, version FROM tenders_bid WHERE lot_id = :lot AND tenant_id = current_tenant() FOR UPDATE")
			.bind("lot", lotKey)
			.map(row -> Map.entry(row.get("id", UUID.class), row.get("version", Integer.class)))
			.one();
	}

	private static Mono<Instant> now(DatabaseClient db) {
		// The deadline is judged by the database's clock, the same one its row policy and checks use.
		return db.sql("SELECT clock_timestamp() AS now").map(row -> row.get("now", OffsetDateTime.class).toInstant()).one()
			.map(now -> now.truncatedTo(ChronoUnit.MICROS));
	}

	private Bid toBid(Readable row, String tenant) {
		UUID key = row.get("id", UUID.class);
		String copy = row.get("vendor_copy", String.class);
		OffsetDateTime withdrawn = row.get("withdrawn_at", OffsetDateTime.class);
		return new Bid(key, row.get("lot_id", UUID.class), BidStatus.valueOf(row.get("status", String.class)), row.get("version", Integer.class),
				row.get("submitted_at", OffsetDateTime.class).toInstant(), withdrawn == null ? null : withdrawn.toInstant(),
				copy == null ? null : BidContent.parse(cipher.decrypt(vendorCopyContext(tenant, key), copy)));
	}

	/** A check constraint refused the row: the deadline passed between the check and the write (a duplicate key is another story). */
	private static boolean stampedTooLate(Throwable ex) {
		return ex instanceof DataIntegrityViolationException && !(ex instanceof DuplicateKeyException);
	}

	private static String vendorCopyContext(String tenant, UUID bidKey) {
		return tenant + "/bid/" + bidKey;
	}

	private static SubmitBid.Payload late(String field) {
		return SubmitBid.Payload.failed(TenderErrorCode.BID_AFTER_DEADLINE, field, "The submission deadline has passed");
	}

}
