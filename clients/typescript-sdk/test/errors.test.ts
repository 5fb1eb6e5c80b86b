import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { AccountCreatedDocument, GraphQLRequestError, ViewerDocument, createClient } from '../src/index.js';
import { serverEnvironment } from './support/environment.js';

const environment = serverEnvironment();

describe('errors', () => {
  it('turns a refused token into a GraphQLRequestError with code UNAUTHENTICATED', async () => {
    const client = createClient({ url: environment.graphqlUrl, token: () => 'not-a-valid-token' });

    const error = await client.request(ViewerDocument).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );

    expect(error).toBeInstanceOf(GraphQLRequestError);
    const requestError = error as GraphQLRequestError;
    expect(requestError.code).toBe('UNAUTHENTICATED');
    expect(requestError.status).toBe(401);
    expect(requestError.traceId).toMatch(/^[0-9a-f]{16,}$/);
    expect(requestError.operationName).toBe('Viewer');
    expect(requestError.response?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('turns a refused WebSocket connection into a GraphQLRequestError with code UNAUTHENTICATED', async () => {
    const client = createClient({ url: environment.graphqlUrl, token: async () => 'not-a-valid-token', webSocketImpl: WebSocket });
    try {
      const subscription = client.subscribe(AccountCreatedDocument);

      await expect(subscription.next()).rejects.toMatchObject({ name: 'GraphQLRequestError', code: 'UNAUTHENTICATED' });
    } finally {
      await client.dispose();
    }
  });

  it('stops before sending when the signal is already aborted', async () => {
    const client = createClient({ url: environment.graphqlUrl, token: () => environment.token });
    const controller = new AbortController();
    controller.abort(new Error('caller gave up'));

    await expect(client.request(ViewerDocument, {}, { signal: controller.signal })).rejects.toThrow('caller gave up');
  });
});
