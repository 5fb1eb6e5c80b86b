import { GraphQLRequestError } from './errors.js';
import type { PreparedDocument } from './documents.js';
import type { GraphQLResponse } from './types.js';

/** The `fetch` the client calls: the platform's by default, or one passed to `createClient`. */
export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

/** One HTTP exchange: the parsed body, or the error it amounts to, and what the headers said. */
export interface Exchange {
  readonly response: GraphQLResponse | undefined;
  readonly error: GraphQLRequestError | undefined;
  readonly retryAfter: string | null;
}

/** What one POST carries besides the document. */
export interface PostParameters {
  readonly url: string;
  readonly fetch: FetchFunction;
  readonly token: string;
  readonly document: PreparedDocument;
  readonly variables: Record<string, unknown> | undefined;
  /** Whether the query text goes in the body (false: the persisted-query hash alone). */
  readonly includeQuery: boolean;
  /** The persisted-query hash to send, if any. */
  readonly sha256Hash: string | undefined;
  readonly signal: AbortSignal | undefined;
}

/** The APQ extension, as Apollo defined it and the server reads it. */
const PERSISTED_QUERY_VERSION = 1;

/**
 * POSTs one GraphQL request and reads its answer. Any status with a GraphQL body is read as
 * GraphQL (the server answers `application/graphql-response+json` errors with 4xx statuses and
 * plain `application/json` ones with 200); anything else becomes an `HTTP_ERROR`. An abort
 * propagates as the signal's reason, untouched.
 */
export async function post(parameters: PostParameters): Promise<Exchange> {
  const { document } = parameters;
  const body: Record<string, unknown> = { operationName: document.operationName, variables: parameters.variables ?? {} };
  if (parameters.includeQuery) {
    body['query'] = document.query;
  }
  if (parameters.sha256Hash !== undefined) {
    body['extensions'] = { persistedQuery: { version: PERSISTED_QUERY_VERSION, sha256Hash: parameters.sha256Hash } };
  }
  let httpResponse: Response;
  try {
    httpResponse = await parameters.fetch(parameters.url, {
      method: 'POST',
      headers: {
        Accept: 'application/graphql-response+json, application/json;q=0.9',
        'Content-Type': 'application/json',
        Authorization: `Bearer ${parameters.token}`,
      },
      body: JSON.stringify(body),
      ...(parameters.signal === undefined ? {} : { signal: parameters.signal }),
    });
  } catch (failure) {
    if (parameters.signal?.aborted) {
      throw parameters.signal.reason;
    }
    const error = new GraphQLRequestError({
      code: 'NETWORK_ERROR',
      message: `${document.operationName ?? 'operation'}: no response from ${parameters.url}: ${String(failure)}`,
      operationName: document.operationName,
      cause: failure,
    });
    return { response: undefined, error, retryAfter: null };
  }
  return read(httpResponse, document.operationName);
}

async function read(httpResponse: Response, operationName: string | undefined): Promise<Exchange> {
  const retryAfter = httpResponse.headers.get('Retry-After');
  const context = {
    status: httpResponse.status,
    traceId: httpResponse.headers.get('X-Trace-Id') ?? undefined,
    operationName,
  };
  const text = await httpResponse.text();
  const response = parseGraphQLResponse(text);
  if (response === undefined) {
    const code = httpResponse.ok ? 'INVALID_RESPONSE' : 'HTTP_ERROR';
    const error = new GraphQLRequestError({
      code,
      message: `${operationName ?? 'operation'}: ${code}: HTTP ${httpResponse.status} without a GraphQL response body`,
      ...context,
    });
    return { response: undefined, error, retryAfter };
  }
  if (response.errors !== undefined && response.errors.length > 0) {
    return { response, error: GraphQLRequestError.fromResponse(response, context), retryAfter };
  }
  if (!httpResponse.ok || response.data == null) {
    const code = httpResponse.ok ? 'INVALID_RESPONSE' : 'HTTP_ERROR';
    const error = new GraphQLRequestError({
      code,
      message: `${operationName ?? 'operation'}: ${code}: HTTP ${httpResponse.status} with neither data nor errors`,
      response,
      ...context,
    });
    return { response, error, retryAfter };
  }
  return { response, error: undefined, retryAfter };
}

function parseGraphQLResponse(text: string): GraphQLResponse | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return undefined;
  }
  const candidate = parsed as Record<string, unknown>;
  if (!('data' in candidate) && !Array.isArray(candidate['errors'])) {
    return undefined;
  }
  return candidate as GraphQLResponse;
}
