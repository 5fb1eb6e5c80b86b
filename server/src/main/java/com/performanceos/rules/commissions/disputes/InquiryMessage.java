package com.performanceos.rules.commissions.disputes;

import java.time.Instant;
import java.util.UUID;

/**
 * One message of an inquiry's thread (the schema's {@code CommissionInquiryMessage}).
 *
 * @param inquiryKey the inquiry
 * @param seq its position in the thread (1-based)
 * @param author who wrote it (token subject)
 * @param fromStaff whether SALES_OPS (or an admin) wrote it rather than the rep's side
 * @param body what it says
 * @param postedAt when
 */
record InquiryMessage(UUID inquiryKey, int seq, String author, boolean fromStaff, String body, Instant postedAt) {
}
