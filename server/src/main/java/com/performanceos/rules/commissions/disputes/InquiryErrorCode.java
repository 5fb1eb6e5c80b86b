package com.performanceos.rules.commissions.disputes;

/** The schema's {@code CommissionInquiryErrorCode}: every business refusal of the inquiry mutations. */
enum InquiryErrorCode {

	/** An input field is malformed (names the field). */
	INVALID_INPUT,
	/** The idempotency key was used before with another input. */
	IDEMPOTENCY_CONFLICT,
	/** No commission line with this id that the caller may read. */
	LINE_NOT_FOUND,
	/** No inquiry with this id that the caller may read. */
	INQUIRY_NOT_FOUND,
	/** The inquiry is RESOLVED or REJECTED already. */
	INQUIRY_CLOSED,
	/** The thread holds the most messages an inquiry may have. */
	THREAD_FULL,
	/** The line has an inquiry still OPEN or ANSWERED: the conversation goes on in it. */
	INQUIRY_ALREADY_OPEN

}
