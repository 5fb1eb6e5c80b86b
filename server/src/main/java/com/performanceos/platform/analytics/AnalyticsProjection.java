package com.performanceos.platform.analytics;

import java.util.List;

import com.performanceos.platform.events.DomainEvent;

/**
 * Turns one domain event into the facts a domain wants analysed, when one event carries many
 * facts (a journal entry and its lines). Each fact needs an id derived deterministically from the
 * event (e.g. a name-based UUID of event id and line number) so a redelivered event appends
 * nothing new. Events no projection handles keep the default one-fact mapping.
 */
public interface AnalyticsProjection {

	/** Whether this projection turns events of {@code type} into facts. */
	boolean handles(String type);

	/** The facts of {@code event}; at most {@link AnalyticsStore#MAX_APPEND_EVENTS}. */
	List<AnalyticsEvent> project(DomainEvent event);

}
