/**
 * Tenders and their lots: drafting with CPV codes and weighted criteria, publication after the compliance
 * checks in force on the publication date, and the lot lifecycle.
 */
@NullMarked
package com.performanceos.tenders.procurement;

import org.jspecify.annotations.NullMarked;
