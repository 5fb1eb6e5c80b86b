/**
 * Shared reference data, effective-dated: legal thresholds and time limits kept once for every domain, each
 * value with the period it is in force and its source.
 */
@NullMarked
package com.performanceos.platform.reference;

import org.jspecify.annotations.NullMarked;
