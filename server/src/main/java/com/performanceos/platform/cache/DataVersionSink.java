package com.performanceos.platform.cache;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.events.DomainEvent;
import com.performanceos.platform.events.OutboxSink;

/**
 * The outbox sink that invalidates cached reads: it bumps the data version of every tenant in the batch, once per
 * tenant. A redelivered batch bumps again, which costs a few cache misses and never serves stale data, so the
 * effect of delivering twice is the effect of delivering once.
 */
@Component
final class DataVersionSink implements OutboxSink {

	static final String SINK_NAME = "cache";

	private final DataVersions versions;

	DataVersionSink(DataVersions versions) {
		this.versions = versions;
	}

	@Override
	public String name() {
		return SINK_NAME;
	}

	@Override
	public Mono<Void> deliver(List<DomainEvent> events) {
		Set<String> tenants = new LinkedHashSet<>();
		for (DomainEvent event : events) {
			tenants.add(event.tenant());
		}
		return versions.bump(tenants);
	}

}
