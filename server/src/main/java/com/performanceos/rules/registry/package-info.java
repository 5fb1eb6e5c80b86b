/**
 * The governed registry of versioned rules: versions with their author, origin and effective interval, the
 * DRAFT to RETIRED lifecycle with separation of duties, rollback, stored examples, and deterministic evaluation
 * of the version in force through the engine.
 */
@NullMarked
package com.performanceos.rules.registry;

import org.jspecify.annotations.NullMarked;
