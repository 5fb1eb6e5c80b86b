// Runs the schema-gate command line as scripts/schema-gate.sh does, and returns its exit code and output.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../src/cli.mjs', import.meta.url));

export function fixture(name) {
  return fileURLToPath(new URL(`./fixtures/${name}.graphql`, import.meta.url));
}

export function runCli(...args) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });
  if (result.error) {
    throw result.error;
  }
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}
