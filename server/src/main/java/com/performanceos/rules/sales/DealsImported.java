package com.performanceos.rules.sales;

import com.performanceos.platform.events.EventType;

/**
 * Deals arrived from an import (one event per chunk the import applied), so that what depends on
 * deals (a contest's leaderboard, a commission estimate) can refresh without polling.
 *
 * @param importKey the import that brought them
 * @param dealCount how many deals were stored
 * @param closedFrom the earliest close date among them (ISO day)
 * @param closedTo the latest close date among them (ISO day)
 */
@EventType("sales.DealsImported")
public record DealsImported(String importKey, int dealCount, String closedFrom, String closedTo) {
}
