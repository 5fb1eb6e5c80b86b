package com.performanceos.rules.registry;

/** Who wrote a version: a person, or an AI whose proposal a person then reviews. */
enum RuleOrigin {

	HUMAN, AI

}
