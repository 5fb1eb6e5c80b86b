package com.performanceos.platform.demo;

import reactor.core.publisher.Mono;

import com.performanceos.platform.security.Viewer;

/**
 * Real-looking demo data of one domain for the demo tenant. Contributors write through their
 * domain's own services (so audit records and events are produced as for any caller) and run in
 * {@link #order()} so a domain can rely on data an earlier one seeded.
 */
public interface DemoDataContributor {

	/** Lower runs first. */
	int order();

	/** Seeds the domain's demo data as the given administrator of the demo tenant. */
	Mono<Void> seed(Viewer admin);

}
