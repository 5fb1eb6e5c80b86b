import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  AccountsDocument,
  CreateAccountDocument,
  ViewerDocument,
  createClient,
  type AccountType,
  type AccountsQuery,
  type Role,
} from '../src/index.js';
import { serverEnvironment } from './support/environment.js';
import { uniqueCode, uniqueKey } from './support/unique.js';

const environment = serverEnvironment();
const client = createClient({ url: environment.graphqlUrl, token: () => environment.token });

/** Bounds the paging below: a tenant shared between runs grows, but not past this many pages. */
const PAGES_MAX = 200;

describe('queries', () => {
  it('reads the viewer with typed fields and reports the cost', async () => {
    const result = await client.request(ViewerDocument);

    expectTypeOf(result.data.viewer.roles).toEqualTypeOf<Role[]>();
    expectTypeOf(result.data.viewer.tenant).toEqualTypeOf<string>();
    expect(result.data.viewer.roles).toContain('ADMIN');
    expect(result.data.viewer.tenant).not.toBe('');
    expect(result.data.viewer.subject).not.toBe('');
    expect(result.extensions.cost).toMatchObject({ limit: expect.any(Number), requested: expect.any(Number) });
    expect(Date.parse(result.extensions.cost?.resetAt ?? '')).not.toBeNaN();
  });

  it('pages through the accounts and finds one it created', async () => {
    const code = uniqueCode('TSQ');
    const created = await client.request(CreateAccountDocument, {
      input: { idempotencyKey: uniqueKey('query'), code, name: 'Query test', type: 'ASSET', currency: 'EUR' },
    });
    expect(created.data.createAccount.userErrors).toEqual([]);

    let found: AccountsQuery['accounts']['nodes'][number] | undefined;
    let after: string | null = null;
    for (let page = 0; page < PAGES_MAX && found === undefined; page++) {
      const result: { data: AccountsQuery } = await client.request(AccountsDocument, { first: 100, after });
      expectTypeOf(result.data.accounts.totalCount).toEqualTypeOf<number>();
      expect(result.data.accounts.nodes.length).toBeLessThanOrEqual(100);
      found = result.data.accounts.nodes.find((account) => account.code === code);
      if (!result.data.accounts.pageInfo.hasNextPage) {
        break;
      }
      after = result.data.accounts.pageInfo.endCursor;
    }

    expect(found).toMatchObject({ code, name: 'Query test', type: 'ASSET', currency: 'EUR' });
    expectTypeOf<NonNullable<typeof found>['type']>().toEqualTypeOf<AccountType>();
    expect(found?.id).toBe(created.data.createAccount.account?.id);
  });
});
