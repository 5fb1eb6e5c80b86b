package com.performanceos.platform.egress;

import java.net.InetAddress;
import java.net.URI;

/**
 * A URL the guard accepted, with the one address it checked: the request connects to that address and to no other,
 * so a DNS answer that changes between the check and the connection (DNS rebinding) cannot redirect it.
 *
 * @param uri the URL, whose host still names the receiver (Host header, TLS server name and certificate check)
 * @param address the checked address to connect to
 */
public record Destination(URI uri, InetAddress address) {
}
