/** Makes writes replayable: a client key returns the original result, or a conflict for another payload. */
@NullMarked
package com.performanceos.platform.idempotency;

import org.jspecify.annotations.NullMarked;
