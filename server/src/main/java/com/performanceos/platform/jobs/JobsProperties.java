package com.performanceos.platform.jobs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds of job execution on one instance.
 *
 * @param maxRunning jobs running at once on this instance (1 to 64); more wait in the queue
 * @param maxQueued jobs waiting on this instance (1 to 10,000); beyond it a job fails at once
 * @param progressInterval least time between two live progress events of one job (at most 10 a second by default)
 * @param progressPersistInterval least time between two progress writes to PostgreSQL of one job
 */
@ConfigurationProperties("performanceos.jobs")
record JobsProperties(@DefaultValue("2") int maxRunning, @DefaultValue("100") int maxQueued,
		@DefaultValue("100ms") Duration progressInterval, @DefaultValue("1s") Duration progressPersistInterval) {

	static final int MAX_RUNNING_MAX = 64;

	static final int MAX_QUEUED_MAX = 10_000;

	JobsProperties {
		if (maxRunning < 1 || maxRunning > MAX_RUNNING_MAX) {
			throw new IllegalArgumentException("performanceos.jobs.max-running must be between 1 and " + MAX_RUNNING_MAX);
		}
		if (maxQueued < 1 || maxQueued > MAX_QUEUED_MAX) {
			throw new IllegalArgumentException("performanceos.jobs.max-queued must be between 1 and " + MAX_QUEUED_MAX);
		}
		if (progressInterval.isNegative() || progressPersistInterval.isNegative()) {
			throw new IllegalArgumentException("performanceos.jobs progress intervals must not be negative");
		}
	}

}
