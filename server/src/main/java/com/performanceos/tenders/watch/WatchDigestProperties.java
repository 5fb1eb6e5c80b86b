package com.performanceos.tenders.watch;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the market watch digests, sent when an SMTP server is configured ({@code spring.mail.host}).
 *
 * @param interval time between two digest passes (a digest holds what its search matched since the last one)
 * @param from the sender address of every digest
 * @param matchesPerDigestMax notices listed in one digest at most; the others are counted and wait for the next one
 */
@ConfigurationProperties("performanceos.tenders.watch.digest")
record WatchDigestProperties(@DefaultValue("24h") Duration interval, @DefaultValue("veille@performance-os.invalid") String from,
		@DefaultValue("100") int matchesPerDigestMax) {

	WatchDigestProperties {
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("performanceos.tenders.watch.digest.interval must be positive, got " + interval);
		}
		if (from.isBlank()) {
			throw new IllegalArgumentException("performanceos.tenders.watch.digest.from must be an address");
		}
		if (matchesPerDigestMax < 1 || matchesPerDigestMax > 1000) {
			throw new IllegalArgumentException("performanceos.tenders.watch.digest.matches-per-digest-max must be between 1 and 1000, got "
					+ matchesPerDigestMax);
		}
	}

}
