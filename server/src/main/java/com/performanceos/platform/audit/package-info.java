/** The append-only, hash-chained audit log of every business action, per tenant. */
@NullMarked
package com.performanceos.platform.audit;

import org.jspecify.annotations.NullMarked;
