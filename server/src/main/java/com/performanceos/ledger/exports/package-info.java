/** Exports of the ledger for ERP and BI: journal entries with traceable references, digests audited. */
@NullMarked
package com.performanceos.ledger.exports;

import org.jspecify.annotations.NullMarked;
