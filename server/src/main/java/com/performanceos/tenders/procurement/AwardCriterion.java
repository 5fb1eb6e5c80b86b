package com.performanceos.tenders.procurement;

/**
 * An award criterion of a lot (the schema's {@code AwardCriterion}).
 *
 * @param position from 1
 * @param name the name
 * @param kind price or technical
 * @param weight points out of 100, also the most the criterion gives
 */
public record AwardCriterion(int position, String name, CriterionKind kind, int weight) {
}
