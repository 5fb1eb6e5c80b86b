package com.performanceos.platform.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Which URLs the egress guard lets through, with a resolver that answers what each test needs. */
class DestinationsTests {

	private final List<String> lookups = new ArrayList<>();

	private final Map<String, List<String>> dns = Map.of(
			"hooks.example.com", List.of("93.184.216.34"),
			"loopback.attacker.test", List.of("127.0.0.1"),
			"metadata.attacker.test", List.of("169.254.169.254"),
			"mixed.attacker.test", List.of("93.184.216.34", "10.0.0.7"),
			"v6-loopback.attacker.test", List.of("::1"),
			"mapped.attacker.test", List.of("::ffff:10.1.2.3"),
			"nat64.attacker.test", List.of("64:ff9b::7f00:1"),
			"hooks.intranet", List.of("10.20.30.40"));

	private final HostResolver resolver = host -> {
		lookups.add(host);
		List<String> answers = dns.get(host);
		if (answers == null) {
			throw new UnknownHostException(host);
		}
		List<InetAddress> addresses = new ArrayList<>();
		for (String answer : answers) {
			addresses.add(InetAddress.getByName(answer));
		}
		return addresses;
	};

	private final Destinations open = new Destinations(resolver, List.of(), Set.of());

	@Test
	void refusesEveryInternalAddressWrittenOrResolved() {
		for (String url : List.of("http://127.0.0.1/x", "http://127.1.2.3:8080/x", "http://10.0.0.1/x", "http://172.16.5.4/x",
				"http://192.168.0.1/x", "http://100.64.0.1/x", "http://169.254.169.254/latest/meta-data/", "http://0.0.0.0/x",
				"http://224.0.0.1/x", "http://255.255.255.255/x", "http://[::1]/x", "http://[::]/x", "http://[fe80::1]/x",
				"http://[fc00::1]/x", "http://[fd00:ec2::254]/x", "http://[::ffff:127.0.0.1]/x", "http://[::ffff:a9fe:a9fe]/x",
				"http://[64:ff9b::a00:1]/x", "http://[2002:7f00:1::]/x", "http://[ff02::1]/x",
				"http://loopback.attacker.test/x", "http://metadata.attacker.test/x", "http://mixed.attacker.test/x",
				"http://v6-loopback.attacker.test/x", "http://mapped.attacker.test/x", "http://nat64.attacker.test/x",
				"http://unknown.attacker.test/x")) {
			assertThatExceptionOfType(EgressRefused.class).as(url).isThrownBy(() -> open.check(url));
		}
	}

	@Test
	void refusesWhatIsNotAPlainHttpUrl() {
		for (String url : List.of("ftp://hooks.example.com/x", "file:///etc/passwd", "gopher://hooks.example.com/",
				"http://user:pass@hooks.example.com/x", "http:///x", "not a url", "https://" + "a".repeat(2_000) + ".com/")) {
			assertThatExceptionOfType(EgressRefused.class).as(url).isThrownBy(() -> open.check(url));
		}
	}

	@Test
	void acceptsPublicAddressesAndPinsTheOneItChecked() throws Exception {
		Destination destination = open.check("https://hooks.example.com/escalations");
		assertThat(destination.address()).isEqualTo(InetAddress.getByName("93.184.216.34"));
		assertThat(destination.uri().getHost()).isEqualTo("hooks.example.com");
		assertThat(lookups).containsExactly("hooks.example.com");
		assertThat(open.check("http://93.184.216.34:8443/x").address()).isEqualTo(InetAddress.getByName("93.184.216.34"));
		assertThat(open.check("http://[2606:2800:220:1:248:1893:25c8:1946]/x").address().getHostAddress())
			.startsWith("2606:2800:220:1");
		// Literals are never looked up.
		assertThat(lookups).containsExactly("hooks.example.com");
	}

	@Test
	void theOperatorsAllowlistLetsChosenInternalDestinationsThrough() throws Exception {
		Destinations onPremise = new Destinations(resolver,
				List.of(AddressRange.parse("10.20.0.0/16"), AddressRange.parse("::1")), Set.of("hooks.intranet"));
		assertThat(onPremise.check("http://10.20.1.2/x").address()).isEqualTo(InetAddress.getByName("10.20.1.2"));
		assertThat(onPremise.check("http://[::1]:8080/x").address()).isEqualTo(InetAddress.getByName("::1"));
		assertThat(onPremise.check("http://hooks.intranet/x").address()).isEqualTo(InetAddress.getByName("10.20.30.40"));
		assertThatExceptionOfType(EgressRefused.class).isThrownBy(() -> onPremise.check("http://10.21.0.1/x"));
		assertThatExceptionOfType(EgressRefused.class).isThrownBy(() -> onPremise.check("http://127.0.0.1/x"));
		assertThatExceptionOfType(EgressRefused.class).isThrownBy(() -> onPremise.check("http://169.254.169.254/x"));
	}

	@Test
	void addressRangesContainExactlyTheirBlock() throws Exception {
		AddressRange sharedNat = AddressRange.parse("100.64.0.0/10");
		assertThat(sharedNat.contains(InetAddress.getByName("100.64.0.0"))).isTrue();
		assertThat(sharedNat.contains(InetAddress.getByName("100.127.255.255"))).isTrue();
		assertThat(sharedNat.contains(InetAddress.getByName("100.128.0.0"))).isFalse();
		assertThat(sharedNat.contains(InetAddress.getByName("::1"))).isFalse();
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> AddressRange.parse("intranet/8"));
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> AddressRange.parse("10.0.0.0/33"));
	}

}
