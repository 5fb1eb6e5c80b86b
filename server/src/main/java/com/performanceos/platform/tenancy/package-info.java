/** Runs database work inside a transaction bound to the caller's tenant, which row-level security enforces. */
@NullMarked
package com.performanceos.platform.tenancy;

import org.jspecify.annotations.NullMarked;
