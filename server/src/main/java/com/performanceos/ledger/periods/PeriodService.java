package com.performanceos.ledger.periods;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import com.performanceos.ledger.accounts.Account;
import com.performanceos.ledger.accounts.AccountDirectory;
import com.performanceos.ledger.periods.PeriodInputs.CloseInput;
import com.performanceos.ledger.periods.PeriodInputs.ClosePayload;
import com.performanceos.ledger.periods.PeriodInputs.Error;
import com.performanceos.ledger.periods.PeriodInputs.ErrorCode;
import com.performanceos.ledger.periods.PeriodInputs.ReopenInput;
import com.performanceos.ledger.periods.PeriodInputs.ReopenPayload;
import com.performanceos.platform.audit.AuditEntry;
import com.performanceos.platform.digest.Sha256;
import com.performanceos.platform.idempotency.IdempotencyKeys;
import com.performanceos.platform.mutations.Idempotency;
import com.performanceos.platform.mutations.Mutations;
import com.performanceos.platform.mutations.Outcome;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;
import com.performanceos.platform.tenancy.TenantTransaction;

/**
 * Closes and reopens monthly periods. Both take the month's period lock exclusively (postings
 * take it shared), so a close sees every posting into the month that was accepted, and none is
 * accepted after it.
 */
@Service
class PeriodService {

	static final String TARGET_TYPE = "Period";

	private final TenantDatabase database;

	private final Mutations mutations;

	private final TrialBalanceSource journal;

	private final AccountDirectory accounts;

	PeriodService(TenantDatabase database, Mutations mutations, TrialBalanceSource journal, AccountDirectory accounts) {
		this.journal = journal;
		this.accounts = accounts;
		this.database = database;
		this.mutations = mutations;
	}

	Mono<ClosePayload> close(Viewer viewer, CloseInput input, @Nullable String sourceAddress) {
		return Mutations.unlessInvalid(input.validate(), problems -> new ClosePayload(null, null, problems), () -> {
			YearMonth month = PeriodInputs.parseMonth(input.month()).orElseThrow();
			return mutations.idempotent(viewer.tenant(), new Idempotency<>(PeriodInputs.CLOSE_OPERATION, input.idempotencyKey(),
					month.toString(), () -> ClosePayload.failed(new Error(ErrorCode.IDEMPOTENCY_CONFLICT, IdempotencyKeys.CONFLICT_MESSAGE,
							List.of("input", "idempotencyKey"))),
					(tx, certificateKey) -> PeriodStore.certificate(tx.db(), certificateKey)
						.flatMap(certificate -> PeriodStore.periods(tx.db(), month, month)
							.map(periods -> new ClosePayload(periods.get(0), certificate, List.of())))),
					tx -> PeriodStore.lockAndReadStatus(tx.db(), month).flatMap(status -> status == Period.Status.CLOSED
							? Mono.just(Outcome.rejected(ClosePayload.failed(new Error(ErrorCode.PERIOD_ALREADY_CLOSED,
									"The period " + month + " is already closed", List.of("input", "month")))))
							: closeOpen(tx, viewer, month, sourceAddress)));
		});
	}

	/**
	 * The trial balance a certificate holds: the journal's totals per account and currency, named by
	 * the accounts' owner, in account code then currency order.
	 */
	private Mono<List<CertificateContent.AccountBalance>> balances(TenantTransaction tx, LocalDate effectiveTo, OffsetDateTime knownAt) {
		return journal.byAccountAndCurrency(tx, effectiveTo, knownAt).flatMap(totals -> accounts
			.loadWithin(tx, totals.stream().map(TrialBalanceSource.AccountTotals::accountKey).collect(Collectors.toSet()))
			.map(found -> totals.stream()
				.map(total -> {
					Account account = found.get(total.accountKey());
					return new CertificateContent.AccountBalance(account.code(), account.name(), account.type().name(), total.currency(),
							total.debit(), total.credit(), total.lines());
				})
				.sorted(Comparator.comparing(CertificateContent.AccountBalance::code).thenComparing(CertificateContent.AccountBalance::currency))
				.toList()));
	}

	private Mono<Outcome<ClosePayload>> closeOpen(TenantTransaction tx, Viewer viewer, YearMonth month, @Nullable String sourceAddress) {
		return PeriodStore.now(tx.db()).flatMap(closedAt -> balances(tx, month.atEndOfMonth(), closedAt)
			.zipWith(PeriodStore.nextVersion(tx.db(), month))
			.flatMap(loaded -> {
				CertificateContent content = new CertificateContent(viewer.tenant(), month, loaded.getT2(), closedAt.toInstant(),
						viewer.subject(), loaded.getT1());
				String text = content.canonicalJson();
				CloseCertificate certificate = new CloseCertificate(UUID.randomUUID(), month.toString(), content.version(),
						closedAt.toInstant(), viewer.subject(), Sha256.hex(text), text);
				Map<String, Object> image = new LinkedHashMap<>();
				image.put("month", month.toString());
				image.put("status", Period.Status.CLOSED.name());
				image.put("certificateVersion", certificate.version());
				image.put("certificateSha256", certificate.sha256());
				image.put("closedAt", closedAt.toString());
				image.put("accountLines", content.accounts().size());
				return PeriodStore.insertCertificate(tx, month, certificate)
					.then(PeriodStore.setStatus(tx, month, Period.Status.CLOSED, closedAt))
					.thenReturn(Outcome.committed(
							new ClosePayload(new Period(month.toString(), Period.Status.CLOSED, closedAt.toInstant(), certificate), certificate,
									List.of()),
							certificate.key(), new AuditEntry(viewer.subject(), "ledger.period.closed", TARGET_TYPE, month.toString(),
									sourceAddress, Map.of("month", month.toString(), "status", Period.Status.OPEN.name()), image)));
			}));
	}

	Mono<ReopenPayload> reopen(Viewer viewer, ReopenInput input, @Nullable String sourceAddress) {
		return Mutations.unlessInvalid(input.validate(), problems -> new ReopenPayload(null, problems), () -> {
			YearMonth month = PeriodInputs.parseMonth(input.month()).orElseThrow();
			String justification = input.justification().strip();
			return mutations.once(viewer.tenant(), tx -> PeriodStore.lockAndReadStatus(tx.db(), month).flatMap(status -> {
				DatabaseClient db = tx.db();
				if (status != Period.Status.CLOSED) {
					return Mono.just(Outcome.rejected(ReopenPayload.failed(new Error(ErrorCode.PERIOD_NOT_CLOSED,
							"The period " + month + " is not closed", List.of("input", "month")))));
				}
				return PeriodStore.periods(db, month, month).zipWith(PeriodStore.now(db)).flatMap(loaded -> {
					CloseCertificate latest = loaded.getT1().get(0).latestCertificate();
					Map<String, Object> before = new LinkedHashMap<>();
					before.put("month", month.toString());
					before.put("status", Period.Status.CLOSED.name());
					if (latest != null) {
						before.put("certificateVersion", latest.version());
						before.put("certificateSha256", latest.sha256());
					}
					Map<String, Object> after = Map.of("month", month.toString(), "status", Period.Status.OPEN.name(), "justification",
							justification);
					return PeriodStore.setStatus(tx, month, Period.Status.OPEN, loaded.getT2())
						.thenReturn(Outcome.committed(
								new ReopenPayload(new Period(month.toString(), Period.Status.OPEN, loaded.getT2().toInstant(), latest), List.of()),
								new AuditEntry(viewer.subject(), "ledger.period.reopened", TARGET_TYPE, month.toString(), sourceAddress, before,
										after)));
				});
			}));
		});
	}

	Mono<List<Period>> periods(Viewer viewer, int year) {
		return database.inTransaction(viewer.tenant(), db -> PeriodStore.periods(db, YearMonth.of(year, 1), YearMonth.of(year, 12)));
	}

	Mono<CloseCertificate> certificate(Viewer viewer, YearMonth month, @Nullable Integer version) {
		return database.inTransaction(viewer.tenant(), db -> PeriodStore.certificate(db, month, version));
	}

}
