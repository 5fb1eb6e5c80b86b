import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { AccountsDocument, ViewerDocument, createClient, type RequestResult, type ThrottleInfo } from '../src/index.js';
import { serverEnvironment } from './support/environment.js';
import { recordingFetch } from './support/recording-fetch.js';
import { uniqueCode, uniqueKey } from './support/unique.js';

const environment = serverEnvironment();
const client = createClient({ url: environment.graphqlUrl, token: () => environment.token });

/**
 * The server charges what a response really holds, so spending the bucket needs full pages:
 * ALIASES pages of PAGE_SIZE accounts cost 49 x (1 + 100) = 4,949, just under the 5,000 an operation
 * may cost, and two of them fill most of the 10,000-unit bucket.
 */
const PAGE_SIZE = 100;
const ALIASES = 49;
/** Enough calls to overflow the bucket even while it drains at 500 units per second. */
const SPENDING_CALLS_MAX = 8;

type ExpensiveQuery = Record<string, { nodes: Array<{ id: string }> }>;

const expensiveDocument: TypedDocumentNode<ExpensiveQuery, Record<string, never>> = parse(
  `query SpendTheBucket { ${Array.from({ length: ALIASES }, (_, index) => `page${index}: accounts(first: ${PAGE_SIZE}) { nodes { id } }`).join(' ')} }`,
);

/** Tops the shared tenant up to a full page of accounts, in one mutation, with the main token. */
async function ensureFullPageOfAccounts(): Promise<void> {
  const { data } = await client.request(AccountsDocument, { first: 1 });
  const missing = Math.max(0, PAGE_SIZE - data.accounts.totalCount);
  if (missing === 0) {
    return;
  }
  const creations = Array.from({ length: missing }, (_, index) => {
    const input = `{ idempotencyKey: "${uniqueKey(`fill-${index}`)}", code: "${uniqueCode(`TF${index}`)}", name: "Throttling test fill", type: ASSET, currency: "EUR" }`;
    return `create${index}: createAccount(input: ${input}) { userErrors { code } }`;
  });
  const document: TypedDocumentNode<Record<string, { userErrors: Array<{ code: string }> }>, Record<string, never>> = parse(
    `mutation FillAccounts { ${creations.join(' ')} }`,
  );
  const created = await client.request(document);
  expect(Object.values(created.data).flatMap((payload) => payload.userErrors)).toEqual([]);
}

describe('throttling', () => {
  beforeAll(async () => {
    const throttleClient = createClient({ url: environment.graphqlUrl, token: () => environment.throttleToken });
    const [main, throttled] = await Promise.all([client.request(ViewerDocument), throttleClient.request(ViewerDocument)]);
    expect(throttled.data.viewer.tenant, 'PERFORMANCEOS_THROTTLE_TOKEN must be of the same tenant as PERFORMANCEOS_TOKEN').toBe(
      main.data.viewer.tenant,
    );
    await ensureFullPageOfAccounts();
  }, 60_000);

  it('waits until extensions.cost.resetAt after THROTTLED, then retries and succeeds', async () => {
    const recorder = recordingFetch();
    const throttles: Array<{ readonly info: ThrottleInfo; readonly toldAtMs: number }> = [];
    const throttleClient = createClient({
      url: environment.graphqlUrl,
      token: () => environment.throttleToken,
      fetch: recorder.fetch,
      maxThrottleRetries: 3,
      maxThrottleWait: 30_000,
      onThrottle: (info) => throttles.push({ info, toldAtMs: Date.now() }),
    });

    let retried: RequestResult<ExpensiveQuery> | undefined;
    for (let call = 0; call < SPENDING_CALLS_MAX && throttles.length === 0; call++) {
      retried = await throttleClient.request(expensiveDocument);
    }

    expect(throttles.length, `no call was throttled in ${SPENDING_CALLS_MAX} calls of cost 4,949`).toBeGreaterThan(0);
    const [{ info, toldAtMs }] = throttles as [(typeof throttles)[number]];
    expect(info.error.code).toBe('THROTTLED');
    expect(info.operationName).toBe('SpendTheBucket');
    expect(info.attempt).toBe(1);
    expect(info.resetAt).toBe(info.error.response?.extensions?.cost?.resetAt);
    const resetAtMs = Date.parse(info.resetAt ?? '');
    expect(resetAtMs).not.toBeNaN();
    const retry = recorder.requests.find((request) => request.sentAtMs >= toldAtMs);
    expect(retry, 'the throttled call was not retried').toBeDefined();
    expect(retry?.sentAtMs).toBeGreaterThanOrEqual(resetAtMs);
    // The call that was throttled came back with the full answer after its retry.
    expect(Object.keys(retried?.data ?? {})).toHaveLength(ALIASES);
    expect(retried?.data['page0']?.nodes).toHaveLength(PAGE_SIZE);
  }, 120_000);

  it('throws THROTTLED at once when the wait would exceed maxThrottleWait', async () => {
    const recorder = recordingFetch();
    const throttles: ThrottleInfo[] = [];
    const impatientClient = createClient({
      url: environment.graphqlUrl,
      token: () => environment.throttleToken,
      fetch: recorder.fetch,
      maxThrottleWait: 0,
      onThrottle: (info) => throttles.push(info),
    });

    let failure: unknown;
    for (let call = 0; call < SPENDING_CALLS_MAX && failure === undefined; call++) {
      failure = await impatientClient.request(expensiveDocument).then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
    }

    expect(failure).toMatchObject({ name: 'GraphQLRequestError', code: 'THROTTLED' });
    expect(throttles).toEqual([]);
  }, 120_000);
});
