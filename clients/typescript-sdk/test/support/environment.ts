/**
 * The running server the tests talk to, as agreed for every suite that needs one:
 * PERFORMANCEOS_URL (no trailing slash), PERFORMANCEOS_TOKEN (ADMIN in some tenant) and
 * PERFORMANCEOS_THROTTLE_TOKEN (another ADMIN subject of the same tenant, whose cost bucket only the
 * throttling test spends).
 */
export interface ServerEnvironment {
  readonly baseUrl: string;
  readonly graphqlUrl: string;
  readonly token: string;
  readonly throttleToken: string;
}

const REQUIRED = ['PERFORMANCEOS_URL', 'PERFORMANCEOS_TOKEN', 'PERFORMANCEOS_THROTTLE_TOKEN'] as const;

/** Reads the environment, failing with a message that says what to set (tests never skip silently). */
export function serverEnvironment(): ServerEnvironment {
  const missing = REQUIRED.filter((name) => !process.env[name]);
  if (missing.length > 0) {
    throw new Error(
      `These tests run against a running Performance OS server; set ${missing.join(', ')} ` +
        '(e.g. PERFORMANCEOS_URL=http://127.0.0.1:8080, tokens from scripts/mint-token.sh ADMIN <tenant> <subject>).',
    );
  }
  const baseUrl = (process.env['PERFORMANCEOS_URL'] as string).replace(/\/+$/, '');
  return {
    baseUrl,
    graphqlUrl: `${baseUrl}/graphql`,
    token: process.env['PERFORMANCEOS_TOKEN'] as string,
    throttleToken: process.env['PERFORMANCEOS_THROTTLE_TOKEN'] as string,
  };
}
