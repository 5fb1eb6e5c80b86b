package com.performanceos.platform.explorer;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GraphiQL page is served by this server with everything it loads (analysts may be offline),
 * without a token, and nothing else under {@code /graphiql} is open.
 */
class ExplorerIntegrationTests extends IntegrationTest {

	private static final Pattern PAGE_REFERENCE = Pattern.compile("(?:src|href)\\s*=\\s*\"([^\"]+)\"");

	private static final Pattern STYLE_REFERENCE = Pattern.compile("url\\(\\s*\"?([^\")]+)\"?\\s*\\)");

	private static final String PAGE = "/graphiql?path=/graphql&wsPath=/graphql-ws";

	private static final int ASSET_SIZE_MAX_BYTES = 32 * 1024 * 1024;

	@Test
	void pageRedirectsToItsEndpointsWithoutAToken() {
		web.get().uri("/graphiql").exchange()
			.expectStatus().isTemporaryRedirect()
			.expectHeader().location("http://127.0.0.1:" + port + PAGE);
	}

	@Test
	void pageReferencesOnlyAssetsOfThisServer() {
		String html = page();

		assertThat(html).doesNotContain("http://", "https://", "esm.sh");
		List<String> references = references(PAGE_REFERENCE, html);
		assertThat(references).as("script and style sheet of the page")
			.contains("graphiql/assets/explorer.js", "graphiql/assets/explorer.css")
			.allSatisfy(reference -> assertThat(URI.create(reference).isAbsolute() || reference.startsWith("//"))
				.as("%s is relative", reference).isFalse());
	}

	@Test
	void assetsOfThePageAnswerWithTheirContentTypesWithoutAToken() {
		for (String reference : references(PAGE_REFERENCE, page())) {
			String path = URI.create("http://127.0.0.1" + PAGE).resolve(reference).getPath();
			assertAsset(path, path.endsWith(".css") ? "text/css" : "text/javascript");
		}
		// Monaco's language workers, which explorer.js starts by URL.
		for (String worker : List.of("editor.worker.js", "json.worker.js", "graphql.worker.js")) {
			assertAsset("/graphiql/assets/" + worker, "text/javascript");
		}
	}

	@Test
	void filesTheStyleSheetNeedsAreServed() {
		String css = assertAsset("/graphiql/assets/explorer.css", "text/css");

		List<String> files = references(STYLE_REFERENCE, css).stream().filter(url -> !url.startsWith("data:")).toList();
		assertThat(files).as("fonts referenced by explorer.css").isNotEmpty()
			.noneMatch(url -> url.startsWith("http:") || url.startsWith("https:") || url.startsWith("//"));
		for (String file : files) {
			String path = URI.create("http://127.0.0.1/graphiql/assets/explorer.css").resolve(file).getPath();
			web.get().uri(path).exchange().expectStatus().isOk();
		}
	}

	@Test
	void nothingElseUnderGraphiqlIsOpen() {
		web.get().uri("/graphiql/.explorer-build").exchange().expectStatus().isUnauthorized();
		web.get().uri("/graphiql/index.html").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void unknownAssetIsNotFound() {
		web.get().uri("/graphiql/assets/missing.js").exchange().expectStatus().isNotFound();
	}

	private String page() {
		String html = web.get().uri(PAGE).exchange()
			.expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(html).isNotBlank();
		return html;
	}

	private String assertAsset(String path, String contentType) {
		// explorer.js is a 5 MB bundle: above the client's default in-memory limit of 256 KB.
		String body = web.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(ASSET_SIZE_MAX_BYTES)).build()
			.get().uri(path).exchange()
			.expectStatus().isEqualTo(HttpStatus.OK)
			.expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType(contentType))
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(body).as("body of %s", path).isNotBlank();
		return body;
	}

	private static List<String> references(Pattern pattern, String text) {
		List<String> found = new ArrayList<>();
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

}
