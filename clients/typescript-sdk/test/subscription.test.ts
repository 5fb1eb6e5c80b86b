import { afterAll, describe, expect, expectTypeOf, it } from 'vitest';
import WebSocket from 'ws';
import {
  AccountCreatedDocument,
  CreateAccountDocument,
  createClient,
  type AccountCreatedSubscription,
  type RequestResult,
} from '../src/index.js';
import { serverEnvironment } from './support/environment.js';
import { uniqueCode, uniqueKey } from './support/unique.js';

const environment = serverEnvironment();
const client = createClient({ url: environment.graphqlUrl, token: () => environment.token, webSocketImpl: WebSocket });

/**
 * The server registers a subscription some time after the connection is acknowledged and the
 * subscribe message sent, and graphql-transport-ws does not confirm it: an account created too early
 * is not delivered. So the test creates accounts until one of its own comes through, a bounded number
 * of times.
 */
const CREATE_ATTEMPTS_MAX = 20;
const CREATE_INTERVAL_MS = 500;

afterAll(() => client.dispose());

describe('subscriptions', () => {
  it('receives, typed, an account created after the subscription started', async () => {
    const subscription = client.subscribe(AccountCreatedDocument);
    const createdCodes = new Set<string>();
    const received = (async (): Promise<RequestResult<AccountCreatedSubscription>> => {
      // Other runs share the tenant: skip their accounts.
      for await (const event of subscription) {
        if (createdCodes.has(event.data.accountCreated.account.code)) {
          return event;
        }
      }
      throw new Error('The subscription ended before delivering an account this test created');
    })();
    let delivered: RequestResult<AccountCreatedSubscription> | undefined;
    received.then((event) => (delivered = event), () => undefined);

    for (let attempt = 0; attempt < CREATE_ATTEMPTS_MAX && delivered === undefined; attempt++) {
      const code = uniqueCode('TSS');
      createdCodes.add(code);
      const created = await client.request(CreateAccountDocument, {
        input: { idempotencyKey: uniqueKey('subscription'), code, name: 'Subscription test', type: 'REVENUE', currency: 'EUR' },
      });
      expect(created.data.createAccount.userErrors).toEqual([]);
      await Promise.race([received, new Promise((resolve) => setTimeout(resolve, CREATE_INTERVAL_MS))]);
    }

    const event = await received;
    expectTypeOf(event.data.accountCreated.occurredAt).toEqualTypeOf<string>();
    expect(createdCodes).toContain(event.data.accountCreated.account.code);
    expect(event.data.accountCreated.account).toMatchObject({ name: 'Subscription test', type: 'REVENUE', currency: 'EUR' });
    expect(event.data.accountCreated.eventId).toEqual(expect.any(String));
    expect(Date.parse(event.data.accountCreated.occurredAt)).not.toBeNaN();

    await subscription.unsubscribe();
    await expect(subscription.next()).resolves.toEqual({ done: true, value: undefined });
  });

  it('ends a waiting consumer when the subscription is stopped', async () => {
    const controller = new AbortController();
    const subscription = client.subscribe(AccountCreatedDocument, {}, { signal: controller.signal });
    const pending = subscription.next();

    controller.abort();

    await expect(pending).resolves.toEqual({ done: true, value: undefined });
  });
});
