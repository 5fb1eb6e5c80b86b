/** Starts PostgreSQL and Redis in-process when no external service is configured, and checks configured ones are reachable. */
@NullMarked
package com.performanceos.platform.embedded;

import org.jspecify.annotations.NullMarked;
