/**
 * Sealed bids: each tender has its own key pair; bids are sealed with its public half and the private
 * half, encrypted at rest, is released only after the submission deadline; opening is recorded.
 */
@NullMarked
package com.performanceos.tenders.bids;

import org.jspecify.annotations.NullMarked;
