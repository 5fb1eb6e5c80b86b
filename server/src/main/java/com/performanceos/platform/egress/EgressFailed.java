package com.performanceos.platform.egress;

/**
 * An outbound request that was sent but did not succeed: no connection, a timeout, a response other than 2xx (a
 * redirect among them: redirects are not followed) or a response larger than allowed. The message is for the server's
 * logs only.
 */
public final class EgressFailed extends RuntimeException {

	EgressFailed(String reason, Throwable cause) {
		super(reason, cause, false, false);
	}

	EgressFailed(String reason) {
		super(reason, null, false, false);
	}

}
