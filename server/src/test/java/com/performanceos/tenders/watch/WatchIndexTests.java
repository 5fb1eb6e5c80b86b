package com.performanceos.tenders.watch;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The index finds exactly what a scan of every search finds, and matching ignores accents and case. */
class WatchIndexTests {

	private static final List<String> WORDS = List.of("voirie", "elagage", "nettoyage", "ecole", "reseau", "chauffage", "toiture", "mobilier");

	private static final List<String> CPV = List.of("45233140", "45232400", "77211400", "90911200", "39160000", "45261210", "79100000", "34632000");

	@Test
	void theIndexAnswersExactlyAsAScanOfEverySearch() {
		Random random = new Random(42);
		List<SavedSearch> searches = new ArrayList<>();
		for (int i = 0; i < 2_000; i++) {
			searches.add(randomSearch(random));
		}
		WatchIndex index = new WatchIndex();
		index.replaceAll(searches);
		for (int i = 0; i < 500; i++) {
			Notice notice = randomNotice(random, i);
			assertThat(keys(index.match(notice))).isEqualTo(keys(index.matchByScan(notice)));
		}
	}

	@Test
	void keywordsMatchWithoutAccentsOrCaseAndWholeWordsOnly() {
		SavedSearch search = search(List.of(), List.of(WatchText.normalise("Élagage"), WatchText.normalise("espaces verts")), List.of(), null, null);
		WatchIndex index = new WatchIndex();
		index.add(search);

		assertThat(index.match(notice("ELAGAGE des arbres", List.of("77211400"), List.of("69"), null))).hasSize(1);
		assertThat(index.match(notice("Entretien des Espaces Verts", List.of("77310000"), List.of("69"), null))).singleElement()
			.satisfies(hit -> assertThat(hit.match().explanation()).isEqualTo("keywords 1/2 (espaces verts)"));
		assertThat(index.match(notice("Élagages et abattages", List.of("77211400"), List.of("69"), null))).as("another word").isEmpty();
	}

	@Test
	void everyGivenCriterionMustHoldAndTheScoreIsTheShareOfItsPoints() {
		SavedSearch search = search(List.of("45", "4523"), List.of("voirie", "reseau"), List.of("69", "01"), new BigDecimal("50000"),
				new BigDecimal("500000"));
		Notice notice = notice("Voirie et réseaux divers", List.of("45233140"), List.of("69"), new BigDecimal("120000"));

		var match = Relevance.match(search, notice, Relevance.text(notice)).orElseThrow();
		// CPV 4523 of 8 digits: 20 + 2 × 20 / 6 = 26 of 40; keywords 1 of 2: 20 of 40; department 10; value 10 → 66 of 100.
		assertThat(match.score()).isEqualTo(66);
		assertThat(match.explanation()).isEqualTo("CPV 45233140 under 4523; keywords 1/2 (voirie); department 69; value 120000 EUR in range");
		assertThat(Relevance.match(search, notice("Voirie", List.of("45233140"), List.of("75"), null), Relevance.text(notice))).isEmpty();
		assertThat(Relevance.match(search, notice("Voirie", List.of("45233140"), List.of("69"), new BigDecimal("900000")),
				Relevance.text(notice))).isEmpty();
	}

	private static List<UUID> keys(List<WatchIndex.Hit> hits) {
		return hits.stream().map(hit -> hit.search().key()).sorted(Comparator.naturalOrder()).toList();
	}

	private static SavedSearch randomSearch(Random random) {
		List<String> cpv = random.nextInt(3) == 0 ? List.of() : List.of(CPV.get(random.nextInt(CPV.size())).substring(0, 2 + random.nextInt(7)));
		List<String> keywords = random.nextInt(2) == 0 ? List.of() : List.of(WORDS.get(random.nextInt(WORDS.size())));
		List<String> departments = random.nextInt(2) == 0 || (cpv.isEmpty() && keywords.isEmpty()) ? List.of(random.nextBoolean() ? "69" : "01")
				: List.of();
		return search(cpv, keywords, departments, random.nextInt(4) == 0 ? new BigDecimal(random.nextInt(100_000)) : null, null);
	}

	private static Notice randomNotice(Random random, int i) {
		String title = WORDS.get(random.nextInt(WORDS.size())) + " " + WORDS.get(random.nextInt(WORDS.size())) + " " + i;
		return notice(title, List.of(CPV.get(random.nextInt(CPV.size()))), List.of(random.nextBoolean() ? "69" : "38"),
				random.nextBoolean() ? new BigDecimal(random.nextInt(200_000)) : null);
	}

	private static SavedSearch search(List<String> cpv, List<String> keywords, List<String> departments, BigDecimal min, BigDecimal max) {
		return new SavedSearch(UUID.randomUUID(), "tenant", "search", cpv, keywords, departments, min, max, Instant.now());
	}

	private static Notice notice(String title, List<String> cpv, List<String> departments, BigDecimal value) {
		return new Notice(NoticeSource.BOAMP, UUID.randomUUID().toString(), title, "Commune", cpv, departments, value, null, null,
				LocalDate.parse("2026-10-12"));
	}

}
