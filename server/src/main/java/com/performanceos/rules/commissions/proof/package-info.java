/**
 * Proof packs: one rep's commission for one month (or a whole run) with an integrity certificate over the deals, plan
 * versions and results it rests on, their lineage, validations and audit records, downloadable as JSON and PDF and
 * verifiable later against the stored data.
 */
@NullMarked
package com.performanceos.rules.commissions.proof;

import org.jspecify.annotations.NullMarked;
