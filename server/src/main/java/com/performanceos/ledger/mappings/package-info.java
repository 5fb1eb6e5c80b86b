/** Mappings from source charts of accounts (Sage, Exact, French PCG...) to the tenant's pivot accounts. */
@NullMarked
package com.performanceos.ledger.mappings;

import org.jspecify.annotations.NullMarked;
