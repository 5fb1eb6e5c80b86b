package com.performanceos.scenarios.dunning;

/** The schema's {@code DunningLanguage}. */
enum DunningLanguage {

	FR, EN

}
