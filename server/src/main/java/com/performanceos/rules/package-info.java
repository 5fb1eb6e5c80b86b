/** Rules: the deterministic rules engine (expressions, decision tables, decision graphs) that commission plans and other domains run on. */
@NullMarked
package com.performanceos.rules;

import org.jspecify.annotations.NullMarked;
