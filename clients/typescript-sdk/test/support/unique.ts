import { randomBytes } from 'node:crypto';

/**
 * A value no earlier run used: the tenant is shared between runs and suites, so every account code
 * and idempotency key a test creates must be new. Account codes allow at most 20 characters.
 */
export function uniqueCode(prefix: string): string {
  const code = `${prefix}-${Date.now().toString(36)}${randomBytes(3).toString('hex')}`.toUpperCase();
  if (code.length > 20) {
    throw new Error(`Account code ${code} is longer than 20 characters: use a shorter prefix`);
  }
  return code;
}

export function uniqueKey(purpose: string): string {
  return `ts-sdk-test-${purpose}-${Date.now()}-${randomBytes(8).toString('hex')}`;
}
