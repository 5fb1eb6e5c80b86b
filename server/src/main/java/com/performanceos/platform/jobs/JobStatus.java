package com.performanceos.platform.jobs;

/** Where a job stands; mirrors the schema's {@code JobStatus}. */
public enum JobStatus {

	QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

	/** Whether the job has ended: its state no longer changes. */
	public boolean finished() {
		return this == SUCCEEDED || this == FAILED || this == CANCELLED;
	}

}
