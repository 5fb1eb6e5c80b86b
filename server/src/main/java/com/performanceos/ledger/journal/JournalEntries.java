package com.performanceos.ledger.journal;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import com.performanceos.platform.security.Viewer;

/** Looks journal entries up by key for the rest of the ledger (drill-down, lineage). */
@Component
public final class JournalEntries {

	private final JournalService journal;

	JournalEntries(JournalService journal) {
		this.journal = journal;
	}

	/** The entries of the viewer's tenant with these keys, with their lines; unknown keys are absent. */
	public Mono<Map<UUID, JournalEntry>> load(Viewer viewer, Collection<UUID> keys) {
		return journal.load(viewer, keys);
	}

}
