package com.performanceos.bench.cube;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * ClickHouse's HTTP interface, spoken directly: a statement in the body (or the query string for an
 * INSERT whose body is data), the answer uncompressed because an 18.16 server answers compressed
 * requests with an empty body.
 */
final class ClickHouseHttp {

	private static final Duration TIMEOUT = Duration.ofMinutes(10);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String url;

	ClickHouseHttp(String url) {
		this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	/** Runs a statement and returns its whole answer as text. */
	String execute(String sql) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(request(URI.create(url + "/"))
			.POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
		return check(response, sql).body();
	}

	/** Runs a statement and returns its answer as a stream, for the caller to read (and time) itself. */
	InputStream stream(String sql) throws IOException, InterruptedException {
		HttpResponse<InputStream> response = http.send(request(URI.create(url + "/"))
			.POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofInputStream());
		if (response.statusCode() != 200) {
			try (InputStream body = response.body()) {
				throw new IllegalStateException("ClickHouse answered " + response.statusCode() + " to " + sql + ": "
						+ new String(body.readNBytes(2_000), StandardCharsets.UTF_8));
			}
		}
		return response.body();
	}

	/** INSERTs the body's rows; the statement travels in the query string because the body is the data. */
	void insert(String statement, Supplier<InputStream> data) throws IOException, InterruptedException {
		URI uri = URI.create(url + "/?query=" + URLEncoder.encode(statement, StandardCharsets.UTF_8));
		check(http.send(request(uri).POST(HttpRequest.BodyPublishers.ofInputStream(data)).build(), HttpResponse.BodyHandlers.ofString()),
				statement);
	}

	private static HttpRequest.Builder request(URI uri) {
		return HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept-Encoding", "identity");
	}

	private static HttpResponse<String> check(HttpResponse<String> response, String sql) {
		if (response.statusCode() != 200) {
			throw new IllegalStateException("ClickHouse answered " + response.statusCode() + " to " + sql + ": " + response.body());
		}
		return response;
	}

}
