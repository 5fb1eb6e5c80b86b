/**
 * Plan-variant what-ifs: a period recomputed in memory with a plan version's base rates changed ("12 % instead of 10 %
 * on product X"), answering the total cost and each rep's delta; nothing is stored.
 */
@NullMarked
package com.performanceos.rules.commissions.variants;

import org.jspecify.annotations.NullMarked;
