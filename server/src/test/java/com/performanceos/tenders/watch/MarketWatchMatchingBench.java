package com.performanceos.tenders.watch;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import com.performanceos.tenders.ReferenceDataFiles;

/**
 * Market watch matching, run on demand by {@code bench/run-watch-bench.sh} (a main, not a test): 100,000 saved
 * searches drawn from the real CPV 2008 list (codes and French labels) against 1,000 notices, through the index
 * ({@link WatchIndex#match}) and, for one notice in {@code scanEvery}, right after through a scan of every search
 * ({@link WatchIndex#matchByScan}), alternating notice by notice in the same run. Per notice: wall time (p50, p99) and
 * CPU time of the matching thread; on the notices both see, both paths must find the same matches (count and checksum).
 */
public final class MarketWatchMatchingBench {

	private MarketWatchMatchingBench() {
	}

	public static void main(String[] args) throws IOException {
		int searches = Integer.getInteger("searches", 100_000);
		int notices = Integer.getInteger("notices", 1_000);
		int rounds = Integer.getInteger("rounds", 3);
		// The scan checks every search for every notice: asked of one notice in ten, it keeps a round within minutes.
		int scanEvery = Integer.getInteger("scanEvery", 10);
		List<String[]> cpv = cpv();
		Random random = new Random(20261205);
		List<SavedSearch> saved = new ArrayList<>(searches);
		for (int i = 0; i < searches; i++) {
			saved.add(search(random, cpv, i));
		}
		List<Notice> stream = new ArrayList<>(notices);
		for (int i = 0; i < notices; i++) {
			stream.add(notice(random, cpv, i));
		}
		WatchIndex index = new WatchIndex();
		long loadStart = System.nanoTime();
		index.replaceAll(saved);
		System.out.printf("index of %,d searches built in %,d ms%n", searches, (System.nanoTime() - loadStart) / 1_000_000);
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		for (int round = 1; round <= rounds; round++) {
			run(stream, index, threads, round, scanEvery);
		}
	}

	/**
	 * One round: every notice through the index and, for one notice in {@code scanEvery}, right after it through the
	 * scan of every search, so both paths see the same machine load; both must find the same matches.
	 */
	private static void run(List<Notice> stream, WatchIndex index, ThreadMXBean threads, int round, int scanEvery) {
		Timing byIndex = new Timing("index");
		Timing byScan = new Timing("scan ");
		for (int i = 0; i < stream.size(); i++) {
			Notice notice = stream.get(i);
			List<WatchIndex.Hit> indexed = byIndex.time(threads, () -> index.match(notice));
			if (i % scanEvery == 0) {
				List<WatchIndex.Hit> scanned = byScan.time(threads, () -> index.matchByScan(notice));
				if (checksum(indexed) != checksum(scanned) || indexed.size() != scanned.size()) {
					throw new IllegalStateException("The index and the scan disagree on notice " + notice.sourceId());
				}
			}
		}
		byIndex.print(round);
		byScan.print(round);
	}

	private static long checksum(List<WatchIndex.Hit> hits) {
		long checksum = 0;
		for (WatchIndex.Hit hit : hits) {
			checksum += hit.search().key().getLeastSignificantBits() ^ hit.match().score();
		}
		return checksum;
	}

	/** Wall and CPU time of one path, notice by notice. */
	private static final class Timing {

		private final String name;

		private final List<Long> wall = new ArrayList<>();

		private long cpu;

		private long hits;

		Timing(String name) {
			this.name = name;
		}

		List<WatchIndex.Hit> time(ThreadMXBean threads, java.util.function.Supplier<List<WatchIndex.Hit>> matcher) {
			long cpuStart = threads.getCurrentThreadCpuTime();
			long start = System.nanoTime();
			List<WatchIndex.Hit> found = matcher.get();
			wall.add(System.nanoTime() - start);
			cpu += threads.getCurrentThreadCpuTime() - cpuStart;
			hits += found.size();
			return found;
		}

		void print(int round) {
			long[] sorted = wall.stream().mapToLong(Long::longValue).sorted().toArray();
			System.out.printf("round %d %s: %,d notices  p50 %8.3f ms  p99 %8.3f ms  cpu/notice %8.3f ms  matches %,d%n", round, name,
					sorted.length, sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6, cpu / 1e6 / sorted.length, hits);
		}

	}

	/** The CPV 2008 codes (8 digits) and French labels. */
	private static List<String[]> cpv() throws IOException {
		Path file = ReferenceDataFiles.root().resolve("procurement/cpv/cpv_2008_fr_en.csv");
		List<String[]> codes = new ArrayList<>();
		List<String> lines = Files.readAllLines(file);
		for (String line : lines.subList(1, lines.size())) {
			int comma = line.indexOf(',');
			String rest = line.substring(comma + 1);
			// The French label, quoted when it holds a comma.
			String label = rest.startsWith("\"") ? rest.substring(1, rest.indexOf('"', 1)) : rest.substring(0, rest.indexOf(','));
			codes.add(new String[] {line.substring(0, 8), label});
		}
		return codes;
	}

	/** A search: CPV prefixes (70 %), keywords from CPV labels (50 %), a department or two (40 %), a value floor (20 %). */
	private static SavedSearch search(Random random, List<String[]> cpv, int i) {
		List<String> prefixes = new ArrayList<>();
		List<String> keywords = new ArrayList<>();
		List<String> departments = new ArrayList<>();
		if (random.nextInt(10) < 7) {
			for (int n = 1 + random.nextInt(3); n > 0; n--) {
				prefixes.add(cpv.get(random.nextInt(cpv.size()))[0].substring(0, 2 + random.nextInt(5)));
			}
		}
		if (random.nextInt(10) < 5 || prefixes.isEmpty()) {
			List<String> words = WatchText.words(cpv.get(random.nextInt(cpv.size()))[1]).stream().filter(word -> word.length() > 4).toList();
			keywords.addAll(words.isEmpty() ? List.of("travaux") : words.subList(0, Math.min(2, words.size())));
		}
		if (random.nextInt(10) < 4) {
			departments.add(String.format("%02d", 1 + random.nextInt(95)));
		}
		return new SavedSearch(UUID.randomUUID(), "tenant-" + (i % 5_000), "search " + i, prefixes, keywords, departments,
				random.nextInt(5) == 0 ? BigDecimal.valueOf(random.nextInt(200_000)) : null, null, Instant.EPOCH);
	}

	private static Notice notice(Random random, List<String[]> cpv, int i) {
		String[] main = cpv.get(random.nextInt(cpv.size()));
		String[] other = cpv.get(random.nextInt(cpv.size()));
		return new Notice(NoticeSource.BOAMP, "bench-" + i, main[1] + " - " + other[1], "Commune " + i, List.of(main[0], other[0]),
				List.of(String.format("%02d", 1 + random.nextInt(95))), BigDecimal.valueOf(10_000 + random.nextInt(1_000_000)), null, null,
				LocalDate.parse("2026-12-05"));
	}

}
