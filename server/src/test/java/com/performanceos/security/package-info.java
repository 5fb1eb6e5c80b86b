/**
 * Probes of the server as an attacker or a careless client would try it (issue 14), kept as tests
 * so each refusal stays in place: fragment bombs, persisted queries across tenants, client mistakes
 * that must never be INTERNAL, monitoring endpoints and token lifetimes.
 */
@NullMarked
package com.performanceos.security;

import org.jspecify.annotations.NullMarked;
