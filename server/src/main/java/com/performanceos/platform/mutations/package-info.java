/**
 * The one pipeline every mutation runs through: idempotency key, tenant transaction, claim,
 * business work, completion, audit record and payload, with refusals rolled back as values.
 */
@NullMarked
package com.performanceos.platform.mutations;

import org.jspecify.annotations.NullMarked;
