/** Request limits: query cost and depth before execution, a per-client leaky bucket in Redis and automatic persisted queries. */
@NullMarked
package com.performanceos.platform.limits;

import org.jspecify.annotations.NullMarked;
