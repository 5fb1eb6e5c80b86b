package com.performanceos.tenders.watch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.performanceos.platform.scheduling.PeriodicWork;
import com.performanceos.platform.tenancy.TenantDatabase;

/**
 * The digest e-mails of saved searches: every {@code interval}, each search with a digest address receives the notices
 * it matched since its last digest (at most {@code matchesPerDigestMax}, oldest first; the others are counted and come
 * in the next one). A digest's matches count as sent once the SMTP server has taken the message: a failure leaves them
 * for the next pass and records the error; a crash between the two sends them again (at least once, never lost). Each
 * tenant's digests are read in its own session. Off when no SMTP server is configured.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WatchDigestProperties.class)
class WatchDigests extends PeriodicWork {

	/** One matched notice, as a digest lists it. */
	record Line(Instant matchedAt, int score, String explanation, String title, String buyerName, String source, String sourceId,
			@Nullable Instant deadline, @Nullable String url, LocalDate publishedOn) {
	}

	/** A search's digest: its new matches, and how many more wait for the next one. */
	record Digest(UUID search, String name, String email, List<Line> lines, long more) {
	}

	private static final Logger log = LoggerFactory.getLogger(WatchDigests.class);

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(PARIS);

	private final TenantDatabase database;

	private final WatchStore store;

	private final ObjectProvider<JavaMailSender> senders;

	private final WatchDigestProperties properties;

	WatchDigests(TenantDatabase database, WatchStore store, ObjectProvider<JavaMailSender> senders, WatchDigestProperties properties) {
		super("market-watch-digests");
		this.database = database;
		this.store = store;
		this.senders = senders;
		this.properties = properties;
	}

	@Override
	protected Optional<Schedule> schedule() {
		return senders.getIfAvailable() == null ? Optional.empty() : Optional.of(new Schedule(properties.interval(), this::sendDue));
	}

	/** Sends every due digest of every watching tenant; the number sent. */
	Mono<Integer> sendDue() {
		if (senders.getIfAvailable() == null) {
			return Mono.just(0);
		}
		return forEachTenant(database.inTransaction("", store::watchingTenants).flatMapMany(Flux::fromIterable), this::sendDue)
			.reduce(0, Integer::sum);
	}

	private Mono<Integer> sendDue(String tenant) {
		return database.inTransaction(tenant, db -> store.dueDigests(db, properties.matchesPerDigestMax()))
			.flatMapMany(Flux::fromIterable)
			.concatMap(digest -> send(digest)
				.then(database.inTransaction(tenant, db -> store.digestSent(db, digest.search(), digest.lines().getLast().matchedAt())))
				.thenReturn(1)
				.onErrorResume(failure -> {
					log.warn("The digest of saved search {} of tenant {} was not sent: {}", digest.search(), tenant, failure.toString());
					return database.inTransaction(tenant, db -> store.digestFailed(db, digest.search(), failure.toString())).thenReturn(0);
				}))
			.reduce(0, Integer::sum);
	}

	private Mono<Void> send(Digest digest) {
		return Mono.<Void>fromRunnable(() -> {
			JavaMailSender sender = senders.getObject();
			MimeMessage mime = sender.createMimeMessage();
			try {
				MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
				helper.setFrom(properties.from());
				helper.setTo(digest.email());
				helper.setSubject(subject(digest));
				helper.setText(body(digest));
			}
			catch (MessagingException ex) {
				throw new IllegalArgumentException("Cannot build the digest of saved search " + digest.search(), ex);
			}
			sender.send(mime);
		}).subscribeOn(Schedulers.boundedElastic());
	}

	static String subject(Digest digest) {
		long count = digest.lines().size() + digest.more();
		return "Veille marchés « " + digest.name() + " » : " + count + (count == 1 ? " nouvel avis" : " nouveaux avis");
	}

	static String body(Digest digest) {
		StringBuilder text = new StringBuilder("Avis correspondant à votre recherche « ").append(digest.name()).append(" » :\n\n");
		for (Line line : digest.lines()) {
			text.append("- ").append(line.title()).append("\n  ").append(line.buyerName()).append(" · ").append(line.source()).append(' ')
				.append(line.sourceId()).append(" · publié le ").append(line.publishedOn());
			if (line.deadline() != null) {
				text.append(" · date limite ").append(DEADLINE.format(line.deadline()));
			}
			text.append("\n  Pertinence ").append(line.score()).append("/100 : ").append(line.explanation()).append('\n');
			if (line.url() != null) {
				text.append("  ").append(line.url()).append('\n');
			}
			text.append('\n');
		}
		if (digest.more() > 0) {
			text.append("Et ").append(digest.more()).append(digest.more() == 1 ? " autre avis, dans le prochain envoi.\n"
					: " autres avis, dans les prochains envois.\n");
		}
		return text.toString();
	}

}
