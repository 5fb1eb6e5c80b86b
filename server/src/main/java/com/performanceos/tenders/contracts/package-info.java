/**
 * Contracts signed on awarded lots once the standstill is over: the facts the open data publish (DECP, OCDS),
 * fixed at signature.
 */
@NullMarked
package com.performanceos.tenders.contracts;

import org.jspecify.annotations.NullMarked;
