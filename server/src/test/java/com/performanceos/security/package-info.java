/**
 * Probes of the server as an attacker or a careless client would try it (issue 14), kept as tests
 * so each refusal stays in place: fragment bombs, persisted queries across tenants, hostile input
 * (dates, control characters, CSV formulas, fuzzed arguments), poison events, egress, tenancy of
 * external ids, client mistakes that must never be INTERNAL, monitoring endpoints, token lifetimes
 * and the durability of the embedded defaults.
 */
@NullMarked
package com.performanceos.security;

import org.jspecify.annotations.NullMarked;
