/** The ledger as a cube: journal lines as analytics facts, cube queries and drill-down to the lines. */
@NullMarked
package com.performanceos.ledger.cube;

import org.jspecify.annotations.NullMarked;
