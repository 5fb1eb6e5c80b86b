/** The cube benchmark: synthetic journal-line facts loaded straight into the analytics engines, and raw SQL timed beside GraphQL. */
@NullMarked
package com.performanceos.bench.cube;

import org.jspecify.annotations.NullMarked;
