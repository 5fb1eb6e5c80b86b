/** Per-tenant data versions that cached reads key on, bumped as the outbox relays each change. */
@NullMarked
package com.performanceos.platform.cache;

import org.jspecify.annotations.NullMarked;
