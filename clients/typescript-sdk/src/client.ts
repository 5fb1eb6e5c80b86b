import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createClient as createWebSocketClient, type Client as WebSocketClient } from 'graphql-ws';
import { prepare, type PreparedDocument } from './documents.js';
import { GraphQLRequestError } from './errors.js';
import { post, type Exchange, type FetchFunction } from './http.js';
import { startSubscription, type Subscription } from './subscriptions.js';
import { retryAtMs, sleepUntil, type ThrottleInfo } from './throttle.js';
import type { RequestOptions, RequestResult } from './types.js';

/** Supplies the bearer token; called before every HTTP attempt and every WebSocket (re)connection. */
export type TokenProvider = () => string | Promise<string>;

/** A WebSocket constructor: the platform's, or e.g. the `ws` package's on Node 20. */
export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => unknown;

export interface ClientOptions {
  /** The GraphQL endpoint over HTTP, e.g. `http://localhost:8080/graphql`. */
  readonly url: string;
  /** The bearer token (JWT with the `tenant` and roles claims), e.g. from your OIDC library. */
  readonly token: TokenProvider;
  /** The `fetch` to use; defaults to `globalThis.fetch`. */
  readonly fetch?: FetchFunction;
  /** The WebSocket for subscriptions; defaults to `globalThis.WebSocket` (Node 20 needs `ws`). */
  readonly webSocketImpl?: WebSocketConstructor;
  /** The `graphql-transport-ws` endpoint; defaults to `url` with ws(s) and `/graphql-ws`. */
  readonly subscriptionUrl?: string;
  /** Automatic persisted queries: send the hash first, the text only when the server asks. Default true. */
  readonly persistedQueries?: boolean;
  /** How many times a THROTTLED call is retried before the error is thrown. Default 3. */
  readonly maxThrottleRetries?: number;
  /** The longest wait for a throttling retry, in ms; a longer one throws at once. Default 30 000. */
  readonly maxThrottleWait?: number;
  /** Told before each throttling wait (for logs or metrics). */
  readonly onThrottle?: (info: ThrottleInfo) => void;
}

/** Variables and options of a call: variables may be left out when the operation requires none. */
export type OperationArguments<TVariables, TOptions> = Record<string, never> extends TVariables
  ? [variables?: TVariables, options?: TOptions]
  : [variables: TVariables, options?: TOptions];

export interface PerformanceOsClient {
  /** Runs a query or mutation over HTTP. Throws {@link GraphQLRequestError} on `errors` or HTTP failure. */
  request<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables>,
    ...args: OperationArguments<TVariables, RequestOptions>
  ): Promise<RequestResult<TData>>;
  /** Starts a subscription over `graphql-transport-ws`; the socket opens with the first one. */
  subscribe<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables>,
    ...args: OperationArguments<TVariables, RequestOptions>
  ): Subscription<TData>;
  /** Ends every subscription and closes the WebSocket. HTTP requests keep working. */
  dispose(): Promise<void>;
}

const DEFAULT_MAX_THROTTLE_RETRIES = 3;
const DEFAULT_MAX_THROTTLE_WAIT_MS = 30_000;
/** Bounds on what a caller may configure, so a typo cannot make a call retry or wait forever. */
const MAX_THROTTLE_RETRIES_LIMIT = 100;
const MAX_THROTTLE_WAIT_LIMIT_MS = 10 * 60_000;

/** Creates a client for one Performance OS GraphQL endpoint. */
export function createClient(options: ClientOptions): PerformanceOsClient {
  const maxThrottleRetries = bounded('maxThrottleRetries', options.maxThrottleRetries, DEFAULT_MAX_THROTTLE_RETRIES, MAX_THROTTLE_RETRIES_LIMIT);
  const maxThrottleWaitMs = bounded('maxThrottleWait', options.maxThrottleWait, DEFAULT_MAX_THROTTLE_WAIT_MS, MAX_THROTTLE_WAIT_LIMIT_MS);
  const fetchFunction: FetchFunction = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const persistedQueries = options.persistedQueries ?? true;
  let webSocketClient: WebSocketClient | undefined;
  const subscriptions = new Set<Subscription<unknown>>();

  /** One attempt with automatic persisted queries: the hash alone, then the text if it is unknown. */
  async function send(document: PreparedDocument, variables: Record<string, unknown> | undefined, signal: AbortSignal | undefined): Promise<Exchange> {
    const base = { url: options.url, fetch: fetchFunction, document, variables, signal };
    if (!persistedQueries) {
      return post({ ...base, token: await options.token(), includeQuery: true, sha256Hash: undefined });
    }
    const sha256Hash = await document.sha256Hash;
    const hashOnly = await post({ ...base, token: await options.token(), includeQuery: false, sha256Hash });
    if (hashOnly.error?.code !== 'PERSISTED_QUERY_NOT_FOUND') {
      return hashOnly;
    }
    // Unknown to the server (never sent, or expired from its store): send the text, which it stores.
    return post({ ...base, token: await options.token(), includeQuery: true, sha256Hash });
  }

  async function request<TData>(
    document: TypedDocumentNode<TData, Record<string, unknown>>,
    variables: Record<string, unknown> | undefined,
    requestOptions: RequestOptions | undefined,
  ): Promise<RequestResult<TData>> {
    const prepared = prepare(document);
    const signal = requestOptions?.signal;
    for (let attempt = 0; ; attempt++) {
      signal?.throwIfAborted();
      const exchange = await send(prepared, variables, signal);
      if (exchange.error === undefined && exchange.response !== undefined) {
        return { data: exchange.response.data as TData, extensions: exchange.response.extensions ?? {} };
      }
      const error = exchange.error as GraphQLRequestError;
      if (error.code !== 'THROTTLED' || attempt >= maxThrottleRetries) {
        throw error;
      }
      const nowMs = Date.now();
      const untilMs = retryAtMs(error, exchange.retryAfter, nowMs);
      const waitMs = untilMs - nowMs;
      if (waitMs > maxThrottleWaitMs) {
        throw error;
      }
      options.onThrottle?.({
        operationName: prepared.operationName,
        attempt: attempt + 1,
        resetAt: error.response?.extensions?.cost?.resetAt ?? undefined,
        retryAt: new Date(untilMs).toISOString(),
        waitMs,
        cost: error.response?.extensions?.cost,
        error,
      });
      await sleepUntil(untilMs, signal);
    }
  }

  function webSocket(): WebSocketClient {
    webSocketClient ??= createWebSocketClient({
      url: options.subscriptionUrl ?? subscriptionUrlOf(options.url),
      ...(options.webSocketImpl === undefined ? {} : { webSocketImpl: options.webSocketImpl }),
      connectionParams: async () => ({ Authorization: `Bearer ${await options.token()}` }),
    });
    return webSocketClient;
  }

  return {
    request<TData, TVariables extends Record<string, unknown>>(
      document: TypedDocumentNode<TData, TVariables>,
      ...args: OperationArguments<TVariables, RequestOptions>
    ): Promise<RequestResult<TData>> {
      const [variables, requestOptions] = args;
      return request(document as TypedDocumentNode<TData, Record<string, unknown>>, variables, requestOptions);
    },

    subscribe<TData, TVariables extends Record<string, unknown>>(
      document: TypedDocumentNode<TData, TVariables>,
      ...args: OperationArguments<TVariables, RequestOptions>
    ): Subscription<TData> {
      const [variables, subscribeOptions] = args;
      const signal = subscribeOptions?.signal;
      signal?.throwIfAborted();
      const onAbort = (): void => void subscription.unsubscribe();
      const subscription: Subscription<TData> = startSubscription<TData>(webSocket(), prepare(document), variables, () => {
        // Runs when the subscription ends, never synchronously inside startSubscription.
        subscriptions.delete(subscription as Subscription<unknown>);
        signal?.removeEventListener('abort', onAbort);
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      subscriptions.add(subscription as Subscription<unknown>);
      return subscription;
    },

    async dispose(): Promise<void> {
      await Promise.all([...subscriptions].map((subscription) => subscription.unsubscribe()));
      const closing = webSocketClient;
      webSocketClient = undefined;
      await closing?.dispose();
    },
  };
}

/** `http://host/graphql` becomes `ws://host/graphql-ws` (https: wss). */
export function subscriptionUrlOf(url: string): string {
  const parsed = new URL(url);
  if (!/\/graphql\/?$/.test(parsed.pathname)) {
    throw new Error(`Cannot derive the subscription URL from ${url} (no /graphql path): pass subscriptionUrl`);
  }
  parsed.protocol = parsed.protocol === 'https:' ? 'wss:' : 'ws:';
  parsed.pathname = parsed.pathname.replace(/\/graphql\/?$/, '/graphql-ws');
  return parsed.toString();
}

function bounded(name: string, value: number | undefined, fallback: number, max: number): number {
  if (value === undefined) {
    return fallback;
  }
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${name} must be an integer from 0 to ${max}, got ${value}`);
  }
  return value;
}
