import type { GraphQLErrorPayload, GraphQLResponse } from './types.js';

/**
 * The `extensions.code` values the server documents (docs/api-conventions.md), plus the codes the
 * client itself uses when there is no GraphQL error to read: `HTTP_ERROR` (a non-GraphQL HTTP
 * failure), `NETWORK_ERROR` (no response at all), `INVALID_RESPONSE` (a body that is not a GraphQL
 * response) and `SUBSCRIPTION_CLOSED` (the WebSocket closed under a subscription).
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'BAD_USER_INPUT'
  | 'COST_LIMIT_EXCEEDED'
  | 'DEPTH_LIMIT_EXCEEDED'
  | 'THROTTLED'
  | 'PERSISTED_QUERY_NOT_FOUND'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL'
  | 'HTTP_ERROR'
  | 'NETWORK_ERROR'
  | 'INVALID_RESPONSE'
  | 'SUBSCRIPTION_CLOSED';

/** What a {@link GraphQLRequestError} is built from. */
export interface GraphQLRequestErrorDetails {
  readonly code: string;
  readonly message: string;
  readonly errors?: ReadonlyArray<GraphQLErrorPayload>;
  readonly response?: GraphQLResponse;
  readonly status?: number;
  readonly traceId?: string;
  readonly operationName?: string;
  readonly cause?: unknown;
}

/**
 * A request that did not produce a clean result: top-level GraphQL `errors` (authentication,
 * authorisation, limits, malformed requests, crashes), an HTTP failure or a network failure.
 * Business failures are not errors: they arrive as `userErrors` in the mutation's payload.
 */
export class GraphQLRequestError extends Error {
  /** `extensions.code` of the first error, or one of the client's own codes (see {@link ErrorCode}). */
  readonly code: ErrorCode | (string & {});
  /** The server's trace id (`extensions.traceId` or the `X-Trace-Id` header), to quote to support. */
  readonly traceId: string | undefined;
  /** The response path of the first error, when it is about one field. */
  readonly path: ReadonlyArray<string | number> | undefined;
  /** Every GraphQL error of the response (empty for HTTP and network failures without a body). */
  readonly errors: ReadonlyArray<GraphQLErrorPayload>;
  /** The whole response body, including partial `data` and `extensions.cost`, when there was one. */
  readonly response: GraphQLResponse | undefined;
  /** The HTTP status, for requests over HTTP. */
  readonly status: number | undefined;
  /** The operation that failed. */
  readonly operationName: string | undefined;

  constructor(details: GraphQLRequestErrorDetails) {
    super(details.message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'GraphQLRequestError';
    this.code = details.code;
    this.errors = details.errors ?? [];
    this.response = details.response;
    this.status = details.status;
    this.operationName = details.operationName;
    const first = this.errors[0];
    this.traceId = first?.extensions?.traceId ?? details.traceId;
    this.path = first?.path;
  }

  /**
   * Builds the error of a GraphQL response that carries `errors`; the first error names the code
   * and the message says how many more there are.
   */
  static fromResponse(
    response: GraphQLResponse,
    context: { readonly status?: number; readonly traceId?: string; readonly operationName?: string },
  ): GraphQLRequestError {
    const errors = response.errors ?? [];
    const first = errors[0];
    const code = first?.extensions?.code ?? 'INTERNAL';
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more errors)` : '';
    return new GraphQLRequestError({
      code,
      message: `${context.operationName ?? 'operation'}: ${code}: ${first?.message ?? 'unknown error'}${more}`,
      errors,
      response,
      ...context,
    });
  }
}
