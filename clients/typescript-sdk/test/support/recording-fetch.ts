import type { FetchFunction } from '../../src/index.js';

/** One request the client sent, with its parsed JSON body and when it left. */
export interface RecordedRequest {
  readonly sentAtMs: number;
  readonly body: {
    readonly query?: string;
    readonly operationName?: string;
    readonly extensions?: { readonly persistedQuery?: { readonly version: number; readonly sha256Hash: string } };
  };
}

/** A `fetch` that records every request before passing it to the platform's fetch. */
export function recordingFetch(): { readonly fetch: FetchFunction; readonly requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  const fetch: FetchFunction = (input, init) => {
    requests.push({ sentAtMs: Date.now(), body: JSON.parse(String(init.body)) as RecordedRequest['body'] });
    return globalThis.fetch(input, init);
  };
  return { fetch, requests };
}
