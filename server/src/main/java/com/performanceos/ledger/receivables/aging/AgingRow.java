package com.performanceos.ledger.receivables.aging;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

import com.performanceos.ledger.receivables.invoices.Amounts;
import com.performanceos.platform.graphql.Money;

/**
 * The schema's {@code AgingRow}: one group in one currency, with its open amount per bucket.
 *
 * @param key the counterparty code or region
 * @param name the display name
 * @param currency the currency of every amount
 * @param bucketAmounts the open amount per bucket, in {@link AgingBucket} order
 * @param invoiceCount the invoices with an open amount
 */
record AgingRow(String key, String name, Currency currency, List<BigDecimal> bucketAmounts, int invoiceCount) {

	AgingRow {
		if (bucketAmounts.size() != AgingBucket.values().length) {
			throw new IllegalArgumentException("one amount per bucket");
		}
		bucketAmounts = List.copyOf(bucketAmounts);
	}

	public List<BucketAmount> buckets() {
		AgingBucket[] all = AgingBucket.values();
		return java.util.stream.IntStream.range(0, all.length)
			.mapToObj(index -> new BucketAmount(all[index], new Money(Amounts.normalize(bucketAmounts.get(index)), currency)))
			.toList();
	}

	public Money total() {
		return new Money(Amounts.normalize(bucketAmounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add)), currency);
	}

	/** The cursor key: group key and currency, in the list's order. */
	String cursorKey() {
		return key + CURSOR_SEPARATOR + currency.getCurrencyCode();
	}

	static final char CURSOR_SEPARATOR = '\u001f';

	/** The schema's {@code AgingBucketAmount}. */
	record BucketAmount(AgingBucket bucket, Money amount) {
	}

}
