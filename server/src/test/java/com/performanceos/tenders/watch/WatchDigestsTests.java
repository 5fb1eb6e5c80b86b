package com.performanceos.tenders.watch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The digest's text: counts in the subject, one entry per listed notice, what waits for the next digest. */
class WatchDigestsTests {

	private static final WatchDigests.Line LINE = new WatchDigests.Line(Instant.parse("2026-12-06T08:00:00Z"), 70, "CPV 45221111 under 4522",
			"Pont de la Guillotière", "Ville de Lyon", "TED", "475939-2026", null, null, LocalDate.of(2026, 12, 5));

	@Test
	void aDigestWithMoreMatchesThanItListsCountsThemAllAndSaysTheRestWait() {
		WatchDigests.Digest digest = new WatchDigests.Digest(UUID.randomUUID(), "Ponts", "veille@example.org", List.of(LINE), 3);

		assertThat(WatchDigests.subject(digest)).isEqualTo("Veille marchés « Ponts » : 4 nouveaux avis");
		assertThat(WatchDigests.body(digest)).isEqualTo("""
				Avis correspondant à votre recherche « Ponts » :

				- Pont de la Guillotière
				  Ville de Lyon · TED 475939-2026 · publié le 2026-12-05
				  Pertinence 70/100 : CPV 45221111 under 4522

				Et 3 autres avis, dans les prochains envois.
				""");
	}

	@Test
	void oneMatchIsOneNewNoticeWithNothingWaiting() {
		WatchDigests.Digest digest = new WatchDigests.Digest(UUID.randomUUID(), "Ponts", "veille@example.org", List.of(LINE), 0);

		assertThat(WatchDigests.subject(digest)).isEqualTo("Veille marchés « Ponts » : 1 nouvel avis");
		assertThat(WatchDigests.body(digest)).doesNotContain("Et ").endsWith("CPV 45221111 under 4522\n\n");
	}

}
