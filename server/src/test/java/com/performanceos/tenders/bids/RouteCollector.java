package com.performanceos.tenders.bids;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/** Collects the path patterns of the GET routes of router functions, as Spring describes them to a visitor. */
final class RouteCollector implements RouterFunctions.Visitor, RequestPredicates.Visitor {

	private final Collection<String> paths;

	private boolean get;

	private String path = "";

	RouteCollector(Collection<String> paths) {
		this.paths = paths;
	}

	@Override
	public void route(RequestPredicate predicate, HandlerFunction<?> handler) {
		get = false;
		path = "";
		predicate.accept(this);
		if (get && !path.isEmpty()) {
			paths.add(path);
		}
	}

	@Override
	public void method(Set<HttpMethod> methods) {
		get |= methods.contains(HttpMethod.GET);
	}

	@Override
	public void path(String pattern) {
		path = path + pattern;
	}

	@Override
	public void startNested(RequestPredicate predicate) {
	}

	@Override
	public void endNested(RequestPredicate predicate) {
	}

	@Override
	public void resources(Function<ServerRequest, Mono<Resource>> lookup) {
	}

	@Override
	public void attributes(Map<String, Object> attributes) {
	}

	@Override
	public void unknown(RouterFunction<?> routerFunction) {
	}

	@Override
	public void pathExtension(String extension) {
	}

	@Override
	public void header(String name, String value) {
	}

	@Override
	public void queryParam(String name, String value) {
	}

	@Override
	public void version(String version) {
	}

	@Override
	public void startAnd() {
	}

	@Override
	public void and() {
	}

	@Override
	public void endAnd() {
	}

	@Override
	public void startOr() {
	}

	@Override
	public void or() {
	}

	@Override
	public void endOr() {
	}

	@Override
	public void startNegate() {
	}

	@Override
	public void endNegate() {
	}

	@Override
	public void unknown(RequestPredicate predicate) {
	}

}
