package com.performanceos.rules.sales;

/** The schema's {@code SalesErrorCode}: every business refusal of the sales data mutations. */
public enum SalesErrorCode {

	/** An input field is malformed (names the field). */
	INVALID_INPUT,
	/** No deal with this id in the caller's tenant. */
	DEAL_NOT_FOUND,
	/** The shares of a credit split do not sum to 100 %. */
	SPLIT_NOT_100,
	/** The deal was cancelled already. */
	ALREADY_CANCELLED

}
