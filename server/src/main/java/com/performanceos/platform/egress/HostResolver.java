package com.performanceos.platform.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves a host name to its addresses, once per outbound request: the addresses returned are the ones checked and
 * the one connected to. The default asks the system resolver; tests register their own to stand for any DNS answer.
 */
@FunctionalInterface
public interface HostResolver {

	/** The addresses of {@code host}; never empty. */
	List<InetAddress> resolve(String host) throws UnknownHostException;

	/** The system's resolver (hosts file, then DNS). */
	static HostResolver system() {
		return host -> List.of(InetAddress.getAllByName(host));
	}

}
