/**
 * The wire shapes the client reads and returns. Operation-specific types (results, variables,
 * enums, inputs) are generated into `./generated/graphql.ts`; these describe what every response
 * of the Performance OS API shares.
 */

/** A GraphQL error as the server formats it; `extensions.code` and `extensions.traceId` are always set. */
export interface GraphQLErrorPayload {
  readonly message: string;
  readonly path?: ReadonlyArray<string | number>;
  readonly locations?: ReadonlyArray<{ readonly line: number; readonly column: number }>;
  readonly extensions?: { readonly code?: string; readonly traceId?: string; readonly [key: string]: unknown };
}

/**
 * The cost accounting the server reports on every response (`extensions.cost`), from the caller's
 * leaky bucket (per tenant and token subject).
 */
export interface CostInfo {
  /** What the operation was priced at before it ran. */
  readonly requested: number;
  /** What the response really held (the difference is refunded to the bucket). */
  readonly actual: number;
  /** The bucket's capacity. */
  readonly limit: number;
  /** Units left in the bucket after this request; null when the bucket could not be read. */
  readonly remaining: number | null;
  /** When the bucket is empty again (ISO-8601 instant); a throttled call is retried at this time. */
  readonly resetAt: string | null;
  /** The most one operation may cost. */
  readonly maxQueryCost?: number;
}

/** The `extensions` of a response. */
export interface ResponseExtensions {
  readonly cost?: CostInfo;
  readonly [key: string]: unknown;
}

/** A GraphQL response body as received. */
export interface GraphQLResponse<TData = unknown> {
  readonly data?: TData | null;
  readonly errors?: ReadonlyArray<GraphQLErrorPayload>;
  readonly extensions?: ResponseExtensions;
}

/** A successful result: `data` is typed by the operation; business failures are in its `userErrors`. */
export interface RequestResult<TData> {
  readonly data: TData;
  readonly extensions: ResponseExtensions;
}

/** Options of one request. */
export interface RequestOptions {
  /** Aborts the request, including any wait before a throttling retry. */
  readonly signal?: AbortSignal;
}
