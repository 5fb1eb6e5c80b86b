import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const packageDirectory = resolve(import.meta.dirname, '..');
const codegen = join(packageDirectory, 'node_modules', '.bin', 'graphql-codegen');

/**
 * `npm run generate` (and so `build` and `test`) must fail when an operation no longer fits the
 * schema. This runs the same codegen binary on the real schema with one stale operation added.
 */
describe('generation', () => {
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'performance-os-sdk-codegen-'));
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('fails when an operation selects a field the schema does not have', async () => {
    await writeFile(join(directory, 'stale.graphql'), 'query Stale { viewer { tenant nameThatWasRemoved } }\n');
    const config = {
      schema: join(packageDirectory, '..', '..', 'api-schema', '*.graphqls'),
      documents: [join(packageDirectory, '..', '..', 'api-schema', 'operations', '*.graphql'), join(directory, 'stale.graphql')],
      generates: { [join(directory, 'out.ts')]: { plugins: ['typescript', 'typescript-operations', 'typed-document-node'] } },
    };
    await writeFile(join(directory, 'codegen.json'), JSON.stringify(config));

    // Vitest sets NODE_ENV=test, under which codegen prints nothing; a developer's shell does not.
    const environment = { ...process.env, NODE_ENV: 'development' };
    const outcome = await run(codegen, ['--config', join(directory, 'codegen.json')], { cwd: packageDirectory, env: environment }).then(
      () => ({ failed: false, output: '' }),
      (failure: { stdout: string; stderr: string }) => ({ failed: true, output: failure.stdout + failure.stderr }),
    );

    expect(outcome.failed).toBe(true);
    expect(outcome.output).toContain('Cannot query field "nameThatWasRemoved" on type "Viewer"');
  }, 60_000);
});
