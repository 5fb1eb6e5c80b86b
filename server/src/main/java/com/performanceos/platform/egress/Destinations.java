package com.performanceos.platform.egress;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a URL may be called: http or https, a host, no credentials, and every address its host resolves to
 * public or allowed by the operator. Resolves the host exactly once.
 */
final class Destinations {

	/** The longest URL accepted, as stored with an escalation rule. */
	static final int URL_LENGTH_MAX = 2_000;

	private final HostResolver resolver;

	private final List<AddressRange> allowedRanges;

	private final Set<String> allowedHosts;

	Destinations(HostResolver resolver, List<AddressRange> allowedRanges, Set<String> allowedHosts) {
		this.resolver = resolver;
		this.allowedRanges = List.copyOf(allowedRanges);
		this.allowedHosts = Set.copyOf(allowedHosts);
	}

	/** The destination to connect to; {@link EgressRefused} with the reason when the URL may not be called. */
	Destination check(String url) {
		URI uri = parse(url);
		String host = hostOf(uri);
		List<InetAddress> addresses = resolve(host);
		if (allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
			return new Destination(uri, addresses.get(0));
		}
		// Every address, not just the first: a name answering with one public and one internal address would
		// otherwise reach the internal one whenever a client library picks it.
		for (InetAddress address : addresses) {
			if (!isPublic(address) && !isAllowed(address)) {
				throw new EgressRefused(host + " resolves to " + address.getHostAddress()
						+ ", which is not a public address and not in performanceos.egress.allowed-destinations");
			}
		}
		return new Destination(uri, addresses.get(0));
	}

	private static URI parse(String url) {
		if (url.length() > URL_LENGTH_MAX) {
			throw new EgressRefused("URL longer than " + URL_LENGTH_MAX + " characters");
		}
		try {
			URI uri = new URI(url);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if (!scheme.equals("http") && !scheme.equals("https")) {
				throw new EgressRefused("Scheme '" + scheme + "' is not http or https");
			}
			if (uri.getHost() == null || uri.getRawUserInfo() != null) {
				throw new EgressRefused("URL without a host, or with credentials");
			}
			return uri;
		}
		catch (URISyntaxException ex) {
			throw new EgressRefused("Not a URL: " + ex.getMessage());
		}
	}

	/** The host without the brackets of an IPv6 literal. */
	private static String hostOf(URI uri) {
		String host = uri.getHost();
		return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
	}

	private List<InetAddress> resolve(String host) {
		try {
			// A literal is parsed, never looked up.
			List<InetAddress> addresses = AddressRange.isAddressLiteral(host) ? List.of(InetAddress.getByName(host))
					: resolver.resolve(host);
			if (addresses.isEmpty()) {
				throw new EgressRefused(host + " has no address");
			}
			return addresses;
		}
		catch (UnknownHostException ex) {
			throw new EgressRefused(host + " does not resolve");
		}
	}

	private boolean isAllowed(InetAddress address) {
		InetAddress effective = embeddedIpv4(address);
		return allowedRanges.stream().anyMatch(range -> range.contains(address) || range.contains(effective));
	}

	/** Whether neither the address nor an IPv4 address written inside it is in a {@link AddressRange#NOT_PUBLIC} range. */
	static boolean isPublic(InetAddress address) {
		InetAddress effective = embeddedIpv4(address);
		return AddressRange.NOT_PUBLIC.stream().noneMatch(range -> range.contains(address) || range.contains(effective));
	}

	/**
	 * The IPv4 address an IPv6 one carries when it is IPv4-mapped ({@code ::ffff:a.b.c.d}), NAT64
	 * ({@code 64:ff9b::a.b.c.d}) or 6to4 ({@code 2002:aabb:ccdd::}), each of which reaches that IPv4 address; the
	 * address itself otherwise.
	 */
	static InetAddress embeddedIpv4(InetAddress address) {
		if (!(address instanceof Inet6Address)) {
			return address;
		}
		byte[] bytes = address.getAddress();
		try {
			if (isZero(bytes, 0, 10) && (bytes[10] & 0xFF) == 0xFF && (bytes[11] & 0xFF) == 0xFF) {
				return InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16));
			}
			if ((bytes[0] & 0xFF) == 0x00 && (bytes[1] & 0xFF) == 0x64 && (bytes[2] & 0xFF) == 0xFF
					&& (bytes[3] & 0xFF) == 0x9B && isZero(bytes, 4, 12)) {
				return InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16));
			}
			if ((bytes[0] & 0xFF) == 0x20 && (bytes[1] & 0xFF) == 0x02) {
				return InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 2, 6));
			}
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException("Four bytes are always an IPv4 address", ex);
		}
		return address;
	}

	private static boolean isZero(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return true;
	}

}
