/**
 * Public procurement (France / EU): buyer organisations publish tenders split into lots, vendors bid
 * sealed bids, buyers evaluate and award; error codes shared by the domain's mutations.
 */
@NullMarked
package com.performanceos.tenders;

import org.jspecify.annotations.NullMarked;
