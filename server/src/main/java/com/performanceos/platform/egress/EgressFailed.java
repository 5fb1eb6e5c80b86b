package com.performanceos.platform.egress;

import org.jspecify.annotations.Nullable;

/**
 * An outbound request that was sent but did not succeed: no connection, a timeout, a response other than 2xx (a
 * redirect among them: redirects are not followed) or a response larger than allowed. The message is for the server's
 * logs only.
 */
public final class EgressFailed extends RuntimeException {

	private final @Nullable Integer status;

	EgressFailed(String reason, Throwable cause) {
		super(reason, cause, false, false);
		this.status = null;
	}

	EgressFailed(String reason) {
		super(reason, null, false, false);
		this.status = null;
	}

	EgressFailed(int status) {
		super("HTTP " + status, null, false, false);
		this.status = status;
	}

	/**
	 * The HTTP status the receiver answered when it answered something other than 2xx; null when no answer came (no
	 * connection, a timeout, an oversized body). Callers of third-party APIs use it to tell a refused credential (401,
	 * 403) or a throttle (429) from an outage; it is never shown to a tenant.
	 */
	public @Nullable Integer status() {
		return status;
	}

}
