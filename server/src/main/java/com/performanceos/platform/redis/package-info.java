/** The Redis client shared by caching, rate limiting and cross-instance fan-out. */
@NullMarked
package com.performanceos.platform.redis;

import org.jspecify.annotations.NullMarked;
