package com.performanceos.tenders.procurement;

/**
 * A CPV 2008 code and its labels (the schema's {@code CpvCode}).
 *
 * @param code the code with its check digit, e.g. {@code 45000000-7}
 * @param labelFr the French label
 * @param labelEn the English label
 */
public record CpvCode(String code, String labelFr, String labelEn) {
}
