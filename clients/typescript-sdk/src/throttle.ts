import type { GraphQLRequestError } from './errors.js';
import type { CostInfo } from './types.js';

/** Told before the client waits to retry a throttled call. */
export interface ThrottleInfo {
  /** The operation that was throttled. */
  readonly operationName: string | undefined;
  /** Which retry this wait leads to: 1 for the first. */
  readonly attempt: number;
  /** The server's `extensions.cost.resetAt` (ISO-8601 instant), when the response carried one. */
  readonly resetAt: string | undefined;
  /** When the client retries (ISO-8601 instant): resetAt, else Retry-After, and never in the past. */
  readonly retryAt: string;
  /** How long the client waits, in milliseconds. */
  readonly waitMs: number;
  /** The cost report of the throttled response. */
  readonly cost: CostInfo | undefined;
  /** The THROTTLED error that caused the wait. */
  readonly error: GraphQLRequestError;
}

/** The shortest wait before a retry, so a resetAt already in the past never spins. */
export const THROTTLE_WAIT_MIN_MS = 10;

/** Used when a throttled response carries neither resetAt nor Retry-After. */
const THROTTLE_WAIT_FALLBACK_MS = 1_000;

/**
 * When a throttled call may be retried, in epoch milliseconds: `extensions.cost.resetAt` (when the
 * caller's bucket is empty again), else the Retry-After header, else a second from now.
 */
export function retryAtMs(error: GraphQLRequestError, retryAfterHeader: string | null, nowMs: number): number {
  const resetAt = error.response?.extensions?.cost?.resetAt;
  const parsed = resetAt == null ? Number.NaN : Date.parse(resetAt);
  if (Number.isFinite(parsed)) {
    return Math.max(parsed, nowMs + THROTTLE_WAIT_MIN_MS);
  }
  const retryAfterSeconds = retryAfterHeader == null ? Number.NaN : Number(retryAfterHeader);
  if (Number.isFinite(retryAfterSeconds) && retryAfterSeconds >= 0) {
    return nowMs + Math.max(retryAfterSeconds * 1_000, THROTTLE_WAIT_MIN_MS);
  }
  return nowMs + THROTTLE_WAIT_FALLBACK_MS;
}

/**
 * Resolves once the clock has reached `untilMs`. Timers may fire a little early, so it checks the
 * clock again rather than trusting one timeout; it rejects with the signal's reason on abort.
 */
export async function sleepUntil(untilMs: number, signal: AbortSignal | undefined): Promise<void> {
  for (let remainingMs = untilMs - Date.now(); remainingMs > 0; remainingMs = untilMs - Date.now()) {
    await sleep(remainingMs, signal);
  }
}

function sleep(durationMs: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, durationMs);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
