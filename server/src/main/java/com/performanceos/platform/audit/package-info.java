/**
 * The append-only, hash-chained audit log of every business action, per tenant: appending to it,
 * reading it, verifying its chain and exporting it.
 */
@NullMarked
package com.performanceos.platform.audit;

import org.jspecify.annotations.NullMarked;
