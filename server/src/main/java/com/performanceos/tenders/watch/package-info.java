/**
 * Market watch: vendors' saved searches matched against notices published here and ingested from BOAMP and TED
 * (incremental, deduplicated across sources), matches pushed live through the outbox ({@code tenderMatched}).
 */
@NullMarked
package com.performanceos.tenders.watch;

import org.jspecify.annotations.NullMarked;
