package com.performanceos.platform.security;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * How many of something (connections, subscriptions) each client and each tenant holds on this
 * instance, taken only when both stay within their caps. Entries that fall to zero are removed,
 * so the maps hold only clients and tenants with something open.
 */
final class LiveCounts {

	private final int maxPerClient;

	private final int maxPerTenant;

	private final ConcurrentMap<String, Integer> byClient = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, Integer> byTenant = new ConcurrentHashMap<>();

	LiveCounts(int maxPerClient, int maxPerTenant) {
		this.maxPerClient = maxPerClient;
		this.maxPerTenant = maxPerTenant;
	}

	/** Takes one for the viewer if both its client and its tenant are under their caps. */
	synchronized boolean tryAcquire(Viewer viewer) {
		int client = byClient.getOrDefault(clientKey(viewer), 0);
		int tenant = byTenant.getOrDefault(viewer.tenant(), 0);
		if (client >= maxPerClient || tenant >= maxPerTenant) {
			return false;
		}
		byClient.put(clientKey(viewer), client + 1);
		byTenant.put(viewer.tenant(), tenant + 1);
		return true;
	}

	synchronized void release(Viewer viewer) {
		byClient.computeIfPresent(clientKey(viewer), (key, count) -> count > 1 ? count - 1 : null);
		byTenant.computeIfPresent(viewer.tenant(), (key, count) -> count > 1 ? count - 1 : null);
	}

	int maxPerClient() {
		return maxPerClient;
	}

	int maxPerTenant() {
		return maxPerTenant;
	}

	/** Tenant and subject, separated by a character neither may hold (control characters are refused in both). */
	private static String clientKey(Viewer viewer) {
		return viewer.tenant() + '\u0000' + viewer.subject();
	}

}
