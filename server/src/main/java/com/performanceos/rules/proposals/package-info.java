/**
 * AI proposals for the rules domain: what a model proposed (a plan from a sentence), validated against the registry
 * before anyone sees it, queued while the provider is down, and turned into a DRAFT rule version with origin AI only
 * when a person accepts it. The AI never runs anything.
 */
@NullMarked
package com.performanceos.rules.proposals;

import org.jspecify.annotations.NullMarked;
