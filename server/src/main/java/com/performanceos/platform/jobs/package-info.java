/** Long-running work as job objects: bounded concurrency per instance, durable final state, live progress. */
@NullMarked
package com.performanceos.platform.jobs;

import org.jspecify.annotations.NullMarked;
