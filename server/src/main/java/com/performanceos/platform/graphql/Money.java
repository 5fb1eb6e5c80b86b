package com.performanceos.platform.graphql;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * The schema's {@code Money}: an exact decimal and its currency, never a floating-point number.
 *
 * @param amount the amount
 * @param currency the ISO 4217 currency
 */
public record Money(BigDecimal amount, Currency currency) {

	public Money {
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(currency, "currency");
	}

}
