/** A saved scenario version as a CSV or PDF download, with the same access as its GraphQL reads and its digest audited. */
@NullMarked
package com.performanceos.scenarios.exports;

import org.jspecify.annotations.NullMarked;
