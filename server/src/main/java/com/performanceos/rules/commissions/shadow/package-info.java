/**
 * Shadow calculations of commission plan versions: before a version is published, the last closed period is
 * recomputed in memory with the old and the new version; a per-rep difference above the threshold blocks publication
 * until FINANCE approves it with a justification.
 */
@NullMarked
package com.performanceos.rules.commissions.shadow;

import org.jspecify.annotations.NullMarked;
