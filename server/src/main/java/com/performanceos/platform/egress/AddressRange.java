package com.performanceos.platform.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * A block of IP addresses in CIDR notation ({@code 10.0.0.0/8}, {@code fc00::/7}); a single address is a block of
 * one. IPv4 blocks hold only IPv4 addresses: an IPv4 address written inside an IPv6 one (mapped, NAT64, 6to4) is
 * unwrapped by {@link Destinations} before it is checked.
 *
 * @param network the first address's bytes
 * @param prefixLength how many leading bits are fixed
 */
record AddressRange(byte[] network, int prefixLength) {

	/**
	 * Where a request must never go unless an operator allows it: the host itself, the private and shared networks
	 * around it, link-local (cloud metadata services live at 169.254.169.254 and fd00:ec2::254) and every address that
	 * is not a unicast host on the internet.
	 */
	static final List<AddressRange> NOT_PUBLIC = List.of(
			parse("0.0.0.0/8"), // "this network", unspecified
			parse("10.0.0.0/8"), // RFC 1918
			parse("100.64.0.0/10"), // carrier-grade NAT, RFC 6598
			parse("127.0.0.0/8"), // loopback
			parse("169.254.0.0/16"), // link-local, cloud metadata
			parse("172.16.0.0/12"), // RFC 1918
			parse("192.0.0.0/24"), // IETF protocol assignments
			parse("192.0.2.0/24"), // documentation
			parse("192.88.99.0/24"), // 6to4 relay anycast
			parse("192.168.0.0/16"), // RFC 1918
			parse("198.18.0.0/15"), // benchmarking
			parse("198.51.100.0/24"), // documentation
			parse("203.0.113.0/24"), // documentation
			parse("224.0.0.0/4"), // multicast
			parse("240.0.0.0/4"), // reserved, broadcast
			parse("::/128"), // unspecified
			parse("::1/128"), // loopback
			parse("::/96"), // IPv4-compatible (deprecated)
			parse("100::/64"), // discard
			parse("2001::/23"), // IETF protocol assignments (Teredo among them)
			parse("2001:db8::/32"), // documentation
			parse("fc00::/7"), // unique local, fd00:ec2::254 among them
			parse("fe80::/10"), // link-local
			parse("fec0::/10"), // site-local (deprecated)
			parse("ff00::/8")); // multicast

	AddressRange {
		if (network.length != 4 && network.length != 16) {
			throw new IllegalArgumentException("An address has 4 or 16 bytes");
		}
		if (prefixLength < 0 || prefixLength > network.length * 8) {
			throw new IllegalArgumentException("Prefix length " + prefixLength + " out of range");
		}
	}

	/** Parses {@code address/prefix} or a bare address literal; never resolves a name. */
	static AddressRange parse(String cidr) {
		int slash = cidr.indexOf('/');
		String address = slash < 0 ? cidr : cidr.substring(0, slash);
		if (!isAddressLiteral(address)) {
			throw new IllegalArgumentException("Not an IP address or CIDR block: " + cidr);
		}
		try {
			byte[] bytes = InetAddress.getByName(address).getAddress();
			int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
			return new AddressRange(bytes, prefix);
		}
		catch (UnknownHostException | NumberFormatException ex) {
			throw new IllegalArgumentException("Not an IP address or CIDR block: " + cidr, ex);
		}
	}

	/** Whether {@code value} is written as an IPv4 or IPv6 address (so parsing it looks nothing up). */
	static boolean isAddressLiteral(String value) {
		return value.matches("[0-9.]+") && value.chars().filter(c -> c == '.').count() == 3
				|| value.contains(":") && value.matches("[0-9a-fA-F:.]+");
	}

	boolean contains(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (bytes.length != network.length) {
			return false;
		}
		int fullBytes = prefixLength / 8;
		for (int i = 0; i < fullBytes; i++) {
			if (bytes[i] != network[i]) {
				return false;
			}
		}
		int remainingBits = prefixLength % 8;
		if (remainingBits == 0) {
			return true;
		}
		int mask = 0xFF << (8 - remainingBits) & 0xFF;
		return (bytes[fullBytes] & mask) == (network[fullBytes] & mask);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof AddressRange range && prefixLength == range.prefixLength
				&& java.util.Arrays.equals(network, range.network);
	}

	@Override
	public int hashCode() {
		return 31 * java.util.Arrays.hashCode(network) + prefixLength;
	}

	@Override
	public String toString() {
		try {
			return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
