/**
 * Signed outgoing webhooks: one way to POST an event to a receiver a tenant named (HMAC-SHA256 of the exact body, a
 * delivery id stable across retries, the event's name), through the egress guard, each attempt bounded by a timeout
 * and judged by a circuit breaker per receiver; plus the checks of the URL and secret a tenant gives and the backoff
 * between retries. Storing what to send and when to retry stays with the domain that owns the event (its outbox table).
 */
@NullMarked
package com.performanceos.platform.webhooks;

import org.jspecify.annotations.NullMarked;
