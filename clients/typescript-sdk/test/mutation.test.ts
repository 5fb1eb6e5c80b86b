import { describe, expect, expectTypeOf, it } from 'vitest';
import { CreateAccountDocument, createClient, type CreateAccountErrorCode, type CreateAccountInput } from '../src/index.js';
import { serverEnvironment } from './support/environment.js';
import { uniqueCode, uniqueKey } from './support/unique.js';

const environment = serverEnvironment();
const client = createClient({ url: environment.graphqlUrl, token: () => environment.token });

function accountInput(code: string): CreateAccountInput {
  return { idempotencyKey: uniqueKey('mutation'), code, name: `Mutation test ${code}`, type: 'EXPENSE', currency: 'EUR' };
}

describe('mutations', () => {
  it('creates an account and returns it typed', async () => {
    const input = accountInput(uniqueCode('TSM'));

    const result = await client.request(CreateAccountDocument, { input });

    expect(result.data.createAccount.userErrors).toEqual([]);
    expect(result.data.createAccount.account).toMatchObject({ code: input.code, name: input.name, type: 'EXPENSE', currency: 'EUR' });
    expect(Date.parse(result.data.createAccount.account?.createdAt ?? '')).not.toBeNaN();
  });

  it('replays an idempotency key to the same account', async () => {
    const input = accountInput(uniqueCode('TSI'));

    const first = await client.request(CreateAccountDocument, { input });
    const replay = await client.request(CreateAccountDocument, { input });

    expect(first.data.createAccount.account?.id).toEqual(expect.any(String));
    expect(replay.data.createAccount.userErrors).toEqual([]);
    expect(replay.data.createAccount.account?.id).toBe(first.data.createAccount.account?.id);
  });

  it('reports a duplicate code as a userError in data, not as an exception', async () => {
    const code = uniqueCode('TSD');
    const first = await client.request(CreateAccountDocument, { input: accountInput(code) });
    expect(first.data.createAccount.userErrors).toEqual([]);

    const duplicate = await client.request(CreateAccountDocument, { input: accountInput(code) });

    expectTypeOf<(typeof duplicate.data.createAccount.userErrors)[number]['code']>().toEqualTypeOf<CreateAccountErrorCode>();
    expect(duplicate.data.createAccount.account).toBeNull();
    expect(duplicate.data.createAccount.userErrors).toHaveLength(1);
    expect(duplicate.data.createAccount.userErrors[0]?.code).toBe('DUPLICATE_ACCOUNT_CODE');
  });
});
