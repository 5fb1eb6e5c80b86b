package com.performanceos.platform.limits;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;

import com.performanceos.platform.security.Role;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class PersistedQueryIntegrationTests extends IntegrationTest {

	@Autowired
	private RedissonClient redisson;

	@Test
	void unknownHashIsNotFoundThenTheDocumentIsStoredAndTheHashAloneWorks() {
		String tenant = newTenant("apq");
		String token = tokens.token(tenant, Role.ADMIN);
		// A document unique to this test run, so its hash is unknown until it is sent.
		String query = "query Apq { viewer { tenant } accounts(first: 3) { totalCount } }\n# " + tenant;
		String hash = com.performanceos.platform.digest.Sha256.hex(query);
		Map<String, Object> extension = Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));

		GraphQlHttp.Answer unknown = GraphQlHttp.post(web, token, Map.of("extensions", extension));
		assertThat(unknown.status().value()).isEqualTo(200);
		assertThat(unknown.firstErrorCode()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
		assertThat(unknown.json().path("errors").path(0).path("message").asString()).isEqualTo("PersistedQueryNotFound");

		GraphQlHttp.Answer registered = GraphQlHttp.post(web, token, Map.of("query", query, "extensions", extension));
		assertThat(registered.json().path("errors").isMissingNode()).isTrue();
		assertThat(registered.json().path("data").path("viewer").path("tenant").asString()).isEqualTo(tenant);
		assertThat(redisson.getBucket(RedisPersistedQueryCache.key(tenant, hash), StringCodec.INSTANCE).get()).isEqualTo(query);

		GraphQlHttp.Answer byHash = GraphQlHttp.post(web, token, Map.of("extensions", extension));
		assertThat(byHash.json().path("errors").isMissingNode()).isTrue();
		assertThat(byHash.json().path("data").path("viewer").path("tenant").asString()).isEqualTo(tenant);
		assertThat(byHash.json().path("data").path("accounts").path("totalCount").asInt()).isZero();
		assertThat(byHash.cost().path("requested").asInt()).isEqualTo(1 + 1);
	}

	@Test
	void hashThatDoesNotMatchTheQueryIsRefusedAndNothingIsStored() {
		String tenant = newTenant("apq-bad");
		String token = tokens.token(tenant, Role.ADMIN);
		String wrongHash = com.performanceos.platform.digest.Sha256.hex("something else " + System.nanoTime());
		Map<String, Object> extension = Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", wrongHash));

		GraphQlHttp.Answer mismatch = GraphQlHttp.post(web, token, Map.of("query", "{ viewer { tenant } }", "extensions", extension));
		assertThat(mismatch.firstErrorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(mismatch.json().path("errors").path(0).path("message").asString()).contains("sha256Hash");
		assertThat(mismatch.json().path("data").isMissingNode() || mismatch.json().path("data").isNull()).isTrue();
		assertThat(redisson.getBucket(RedisPersistedQueryCache.key(tenant, wrongHash), StringCodec.INSTANCE).isExists()).isFalse();

		GraphQlHttp.Answer notHex = GraphQlHttp.post(web, token,
				Map.of("extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", "../../etc"))));
		assertThat(notHex.firstErrorCode()).isEqualTo("BAD_USER_INPUT");
	}

}
