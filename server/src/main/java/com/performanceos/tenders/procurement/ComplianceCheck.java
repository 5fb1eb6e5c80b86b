package com.performanceos.tenders.procurement;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * One check of a compliance report (the schema's {@code ComplianceCheck}).
 *
 * @param rule the rule checked
 * @param passed whether the tender complies
 * @param explanation what was compared
 * @param value the reference value used, if any
 * @param source its legal source, if any
 */
public record ComplianceCheck(String rule, boolean passed, String explanation, @Nullable BigDecimal value, @Nullable String source) {
}
