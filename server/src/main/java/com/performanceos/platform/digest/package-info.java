/** The one SHA-256 helper: idempotency fingerprints, persisted queries, exports, certificates, caches. */
@NullMarked
package com.performanceos.platform.digest;

import org.jspecify.annotations.NullMarked;
