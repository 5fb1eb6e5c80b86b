/** The immutable double-entry journal: balanced entries, reversals, bulk posting. */
@NullMarked
package com.performanceos.ledger.journal;

import org.jspecify.annotations.NullMarked;
