/** Analytical dimensions (entity, region, product...) and their members, defined by each tenant, that journal lines carry. */
@NullMarked
package com.performanceos.ledger.dimensions;

import org.jspecify.annotations.NullMarked;
