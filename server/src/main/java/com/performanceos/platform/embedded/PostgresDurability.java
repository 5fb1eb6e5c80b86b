package com.performanceos.platform.embedded;

import java.util.Map;

/**
 * How much the embedded PostgreSQL promises about acknowledged writes, set with
 * {@code performanceos.embedded.postgres.durability}.
 *
 * <p>The embedded library starts PostgreSQL with {@code -F} (fsync off) and {@code synchronous_commit=off}, its test
 * defaults: a commit is acknowledged before its WAL reaches the disk, so a crash of the machine can lose acknowledged
 * journal entries and, without fsync, corrupt the cluster. The default here turns both back on; options given with
 * {@code -c} after {@code -F} win, PostgreSQL applying command-line options in order.
 */
enum PostgresDurability {

	/** Every acknowledged commit is on disk: fsync, synchronous commit and full-page writes on. The default. */
	DURABLE(Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on")),

	/**
	 * The embedded library's own settings (no fsync, asynchronous commit): a crash can lose acknowledged data and
	 * corrupt the cluster. For throwaway test databases only; the server logs a warning at every start in this mode.
	 */
	FAST_FOR_TESTS_ONLY(Map.of("fsync", "off", "synchronous_commit", "off"));

	static final String PROPERTY = "performanceos.embedded.postgres.durability";

	private final Map<String, String> serverSettings;

	PostgresDurability(Map<String, String> serverSettings) {
		this.serverSettings = serverSettings;
	}

	/** The {@code -c name=value} options PostgreSQL is started with. */
	Map<String, String> serverSettings() {
		return serverSettings;
	}

	/** The mode named by the property, {@link #DURABLE} when it is unset; any other value stops start-up. */
	static PostgresDurability of(String value) {
		if (value.isBlank()) {
			return DURABLE;
		}
		for (PostgresDurability mode : values()) {
			if (mode.name().equalsIgnoreCase(value.trim().replace('-', '_'))) {
				return mode;
			}
		}
		throw new IllegalStateException(PROPERTY + " must be DURABLE or FAST_FOR_TESTS_ONLY, got '" + value + "'");
	}

}
