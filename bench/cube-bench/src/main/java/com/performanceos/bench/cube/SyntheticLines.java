package com.performanceos.bench.cube;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Balanced journal lines, generated the same way every time (fixed seed, fixed order), so the
 * ClickHouse and DuckDB loads hold identical facts. Each entry has two lines, a debit and a credit
 * of the same amount on two accounts of one currency; entries spread evenly over every day of the
 * range, so every account has lines in every month once there are a few thousand entries per month.
 */
final class SyntheticLines implements Iterator<SyntheticLines.Line> {

	/** At most this many lines: ten times the benchmark's 10,000,000, to keep a typo from filling the disk. */
	static final long LINES_MAX = 100_000_000L;

	static final LocalDate FIRST_DAY = LocalDate.of(2023, 1, 1);

	static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);

	private static final long SEED = 20_261_121L;

	private static final int AMOUNTS = 10_000;

	/** The scale of the fact table's Decimal(38, 6) columns. */
	static final int SCALE = 6;

	private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);

	private final List<BenchAccount> accounts;

	private final List<BenchAccount> euro;

	private final List<BenchAccount> dollar;

	private final long lineCount;

	private final int days = (int) ChronoUnit.DAYS.between(FIRST_DAY, LAST_DAY) + 1;

	private final BigDecimal[] amounts = new BigDecimal[AMOUNTS];

	private final SplittableRandom random = new SplittableRandom(SEED);

	private long next;

	/** The credit line of the entry whose debit was returned last. */
	private @Nullable Line pendingCredit;

	SyntheticLines(List<BenchAccount> accounts, long lineCount) {
		if (lineCount < 2 || lineCount % 2 != 0 || lineCount > LINES_MAX) {
			throw new IllegalArgumentException("An even number of lines from 2 to " + LINES_MAX + ", not " + lineCount);
		}
		this.accounts = List.copyOf(accounts);
		this.euro = this.accounts.stream().filter(account -> account.currency().equals("EUR")).toList();
		this.dollar = this.accounts.stream().filter(account -> account.currency().equals("USD")).toList();
		if (euro.size() < 2 || dollar.size() < 2) {
			throw new IllegalArgumentException("At least two EUR and two USD accounts, so every entry balances in one currency");
		}
		this.lineCount = lineCount;
		SplittableRandom amountRandom = new SplittableRandom(SEED + 1);
		for (int index = 0; index < AMOUNTS; index++) {
			// 1.00 to 9,999.99, never a floating-point value; at the fact columns' scale, which DuckDB's appender requires.
			amounts[index] = BigDecimal.valueOf(100 + amountRandom.nextLong(999_900), 2).setScale(SCALE);
		}
	}

	/** One fact row of the {@code journal_lines} table, minus the tenant and the constant event type. */
	record Line(UUID eventId, LocalDateTime occurredAt, UUID entryKey, int lineNumber, BenchAccount account, boolean debit,
			BigDecimal amount, LocalDate effectiveDate) {

		BigDecimal debitAmount() {
			return debit ? amount : ZERO;
		}

		BigDecimal creditAmount() {
			return debit ? ZERO : amount;
		}

		BigDecimal netAmount() {
			return debit ? amount : amount.negate();
		}

	}

	long lineCount() {
		return lineCount;
	}

	@Override
	public boolean hasNext() {
		return next < lineCount;
	}

	@Override
	public Line next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		next++;
		if (pendingCredit != null) {
			Line credit = pendingCredit;
			pendingCredit = null;
			return credit;
		}
		long entry = next / 2;
		// Four entries in five in euros, as a European company with a US subsidiary might post.
		List<BenchAccount> book = random.nextInt(5) == 0 ? dollar : euro;
		int debitIndex = random.nextInt(book.size());
		int creditIndex = (debitIndex + 1 + random.nextInt(book.size() - 1)) % book.size();
		BigDecimal amount = amounts[random.nextInt(AMOUNTS)];
		// Entries in effective-date order, as postings mostly arrive: a store's per-block date ranges stay narrow.
		LocalDate day = FIRST_DAY.plusDays(entry * days / (lineCount / 2));
		LocalDateTime postedAt = day.atTime(9, 0).plusSeconds(entry % 28_800);
		UUID entryKey = randomUuid();
		pendingCredit = new Line(randomUuid(), postedAt, entryKey, 2, book.get(creditIndex), false, amount, day);
		return new Line(randomUuid(), postedAt, entryKey, 1, book.get(debitIndex), true, amount, day);
	}

	/** A version 4 UUID from the seeded generator: random-looking keys like the projection's, yet reproducible. */
	private UUID randomUuid() {
		long most = (random.nextLong() & 0xFFFF_FFFF_FFFF_0FFFL) | 0x0000_0000_0000_4000L;
		long least = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
		return new UUID(most, least);
	}

}
