package com.performanceos.platform.egress;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Outbound requests to addresses tenants chose (webhooks).
 *
 * @param allowedDestinations what may be called although it is not on the public internet, for on-premise
 * deployments whose receivers live on the internal network: CIDR blocks ({@code 10.20.0.0/16}), single addresses
 * ({@code 192.168.1.10}) or exact host names ({@code hooks.intranet}); empty by default, so only public addresses are
 * called
 * @param connectTimeout how long establishing a connection may take
 * @param readTimeout how long the receiver may take to answer once the request is sent
 * @param responseSizeMax the most response body read; a larger response fails the request
 */
@ConfigurationProperties("performanceos.egress")
record EgressProperties(@DefaultValue List<String> allowedDestinations, @DefaultValue("3s") Duration connectTimeout,
		@DefaultValue("10s") Duration readTimeout, @DefaultValue("64KB") DataSize responseSizeMax) {

	/** More entries than an operator maintains by hand; each request checks them all. */
	static final int ALLOWED_DESTINATIONS_MAX = 1_000;

	EgressProperties {
		if (allowedDestinations.size() > ALLOWED_DESTINATIONS_MAX) {
			throw new IllegalArgumentException(
					"performanceos.egress.allowed-destinations takes at most " + ALLOWED_DESTINATIONS_MAX + " entries");
		}
		allowedDestinations = allowedDestinations.stream().map(String::strip).filter(entry -> !entry.isEmpty()).toList();
		for (String entry : allowedDestinations) {
			// Fails start-up on a typo rather than allowing less (or more) than meant.
			if (entry.contains("/") || AddressRange.isAddressLiteral(entry)) {
				AddressRange.parse(entry);
			}
			else if (!entry.matches("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*")) {
				throw new IllegalArgumentException("performanceos.egress.allowed-destinations: '" + entry
						+ "' is neither a CIDR block, an IP address nor a host name");
			}
		}
		requirePositive(connectTimeout, "connect-timeout");
		requirePositive(readTimeout, "read-timeout");
		if (responseSizeMax.toBytes() < 1) {
			throw new IllegalArgumentException("performanceos.egress.response-size-max must be positive");
		}
	}

	List<AddressRange> allowedRanges() {
		return allowedDestinations.stream()
			.filter(entry -> entry.contains("/") || AddressRange.isAddressLiteral(entry))
			.map(AddressRange::parse)
			.toList();
	}

	java.util.Set<String> allowedHosts() {
		return allowedDestinations.stream()
			.filter(entry -> !entry.contains("/") && !AddressRange.isAddressLiteral(entry))
			.map(entry -> entry.toLowerCase(java.util.Locale.ROOT))
			.collect(java.util.stream.Collectors.toUnmodifiableSet());
	}

	private static void requirePositive(Duration value, String name) {
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException("performanceos.egress." + name + " must be positive");
		}
	}

}
