/**
 * The analytics port: tenant-scoped cube queries and idempotent fact appends over ClickHouse or an embedded DuckDB.
 */
@NullMarked
package com.performanceos.platform.analytics;

import org.jspecify.annotations.NullMarked;
