package com.performanceos.testsupport;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.performanceos.platform.security.EmbeddedIssuerHolder;
import com.performanceos.platform.security.Role;

/**
 * Base of the integration tests: the whole server on a random port, against the real services of
 * {@link TestServices}. All subclasses share one application context (same configuration), so
 * each test uses its own tenant names to stay independent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

	static {
		TestServices.shared().exportAsSystemProperties();
	}

	@Value("${local.server.port}")
	protected int port;

	@Autowired
	private EmbeddedIssuerHolder issuerHolder;

	protected WebTestClient web;

	protected TestTokens tokens;

	@BeforeEach
	void connect() {
		// A shared, loaded machine must not fail a correct request: latency is measured by bench/, not here.
		// The whole schema's introspection answer outgrows WebClient's 256 KiB default buffer.
		web = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + port)
			.responseTimeout(java.time.Duration.ofSeconds(60))
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024))
			.build();
		tokens = new TestTokens(issuerHolder.issuer().orElseThrow());
	}

	/** A GraphQL tester authenticated as a caller of the tenant with the roles. */
	protected HttpGraphQlTester graphQl(String tenant, Role... roles) {
		return HttpGraphQlTester.builder(web.mutate().baseUrl("http://127.0.0.1:" + port + "/graphql"))
			.header("Authorization", "Bearer " + tokens.token(tenant, roles))
			// Bulk operations are measured by bench/, not here: a shared, loaded machine must not fail them.
			.responseTimeout(java.time.Duration.ofSeconds(60))
			.build();
	}

	/** A unique tenant name, so tests sharing the context never see each other's data. */
	protected static String newTenant(String prefix) {
		return prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
	}

}
