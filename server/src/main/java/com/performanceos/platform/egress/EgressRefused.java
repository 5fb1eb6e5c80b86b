package com.performanceos.platform.egress;

/**
 * An outbound request the guard did not send: its URL is not http(s), its host does not resolve, or it resolves to an
 * address outside the internet that no operator allowed. The message names the reason for the server's logs; callers
 * never show it to the tenant, who sees one message for every refusal and failure ({@link EgressGuard#USER_MESSAGE}).
 */
public final class EgressRefused extends RuntimeException {

	EgressRefused(String reason) {
		super(reason, null, false, false);
	}

}
