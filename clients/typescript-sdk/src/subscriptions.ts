import type { Client as WebSocketClient } from 'graphql-ws';
import { GraphQLRequestError } from './errors.js';
import type { PreparedDocument } from './documents.js';
import type { GraphQLErrorPayload, RequestResult, ResponseExtensions } from './types.js';

/**
 * A running subscription: iterate it with `for await`, stop it with `unsubscribe()` (or `return()`,
 * which `break` calls). A pending `next()` then resolves as done, so a stopped subscription never
 * leaves a consumer waiting. An error (an `errors` event, a refused or lost connection) is thrown
 * once from `next()`, after the events received before it.
 */
export interface Subscription<TData> extends AsyncIterableIterator<RequestResult<TData>> {
  unsubscribe(): Promise<void>;
}

/** graphql-transport-ws close codes the server uses for a refused connection. */
const CLOSE_CODE_UNAUTHORIZED = 4401;
const CLOSE_CODE_FORBIDDEN = 4403;

/**
 * Starts one subscription on `client` and adapts graphql-ws's push callbacks to a pull iterator.
 * `onStop` runs once when the subscription ends for any reason.
 */
export function startSubscription<TData>(
  client: WebSocketClient,
  document: PreparedDocument,
  variables: Record<string, unknown> | undefined,
  onStop: () => void,
): Subscription<TData> {
  const events: Array<RequestResult<TData>> = [];
  const waiters: Array<() => void> = [];
  let failure: GraphQLRequestError | undefined;
  let finished = false;
  const wake = (): void => {
    waiters.splice(0).forEach((resolve) => resolve());
  };
  const finish = (): void => {
    if (!finished) {
      finished = true;
      onStop();
    }
    wake();
  };
  const cancel = client.subscribe<TData, ResponseExtensions>(
    { query: document.query, operationName: document.operationName ?? null, variables: variables ?? {} },
    {
      next(result) {
        if (result.errors !== undefined && result.errors.length > 0) {
          failure = GraphQLRequestError.fromResponse(result, { operationName: document.operationName });
          cancel();
          finish();
          return;
        }
        events.push({ data: result.data as TData, extensions: result.extensions ?? {} });
        wake();
      },
      error(error) {
        failure = subscriptionError(error, document.operationName);
        finish();
      },
      complete: finish,
    },
  );
  const stop = async (): Promise<IteratorResult<RequestResult<TData>, undefined>> => {
    if (!finished) {
      cancel();
    }
    events.length = 0;
    failure = undefined;
    finish();
    return { done: true, value: undefined };
  };
  const subscription: Subscription<TData> = {
    async next() {
      for (;;) {
        const event = events.shift();
        if (event !== undefined) {
          return { done: false, value: event };
        }
        if (failure !== undefined) {
          const thrown = failure;
          failure = undefined;
          throw thrown;
        }
        if (finished) {
          return { done: true, value: undefined };
        }
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
    return: stop,
    async unsubscribe() {
      await stop();
    },
    [Symbol.asyncIterator]() {
      return subscription;
    },
  };
  return subscription;
}

/** graphql-ws reports GraphQL errors as an array, a closed socket as a CloseEvent, anything else as an Error. */
function subscriptionError(error: unknown, operationName: string | undefined): GraphQLRequestError {
  if (Array.isArray(error)) {
    return GraphQLRequestError.fromResponse({ errors: error as GraphQLErrorPayload[] }, { operationName });
  }
  if (isCloseEvent(error)) {
    const code =
      error.code === CLOSE_CODE_UNAUTHORIZED
        ? 'UNAUTHENTICATED'
        : error.code === CLOSE_CODE_FORBIDDEN
          ? 'FORBIDDEN'
          : 'SUBSCRIPTION_CLOSED';
    return new GraphQLRequestError({
      code,
      message: `${operationName ?? 'subscription'}: ${code}: WebSocket closed (${error.code}${error.reason ? ` ${error.reason}` : ''})`,
      operationName,
    });
  }
  return new GraphQLRequestError({
    code: 'NETWORK_ERROR',
    message: `${operationName ?? 'subscription'}: NETWORK_ERROR: ${String(error)}`,
    operationName,
    cause: error,
  });
}

function isCloseEvent(value: unknown): value is { readonly code: number; readonly reason: string } {
  return typeof value === 'object' && value !== null && 'code' in value && 'reason' in value;
}
