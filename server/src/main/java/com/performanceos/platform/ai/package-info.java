/**
 * The AI port: one OpenAI-compatible chat client behind resilience4j, per-tenant switches and monthly token budgets,
 * token usage, and a durable queue of the requests the provider could not answer, drained once it answers again.
 * Nothing deterministic ever waits on it.
 */
@NullMarked
package com.performanceos.platform.ai;

import org.jspecify.annotations.NullMarked;
