package com.performanceos.scenarios.dunning;

/** The schema's {@code DunningChannel}. SMS through a provider's API is not built yet. */
enum DunningChannel {

	EMAIL

}
