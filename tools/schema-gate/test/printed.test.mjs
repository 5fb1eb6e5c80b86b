import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { runCli } from './run-cli.mjs';

describe('printed schema', () => {
  const folder = mkdtempSync(join(tmpdir(), 'schema-gate-'));
  after(() => rmSync(folder, { recursive: true, force: true }));
  writeFileSync(join(folder, 'b-platform.graphqls'), `
    directive @auth(roles: [String!]!) on FIELD_DEFINITION
    "Reads."
    type Query {
      "Who calls."
      viewer: String! @auth(roles: ["ADMIN"])
    }
  `);
  writeFileSync(join(folder, 'a-ledger.graphqls'), `
    extend type Query {
      "The accounts."
      accounts: [String!]! @auth(roles: ["FINANCE"])
    }
  `);
  const printed = join(folder, 'schema.graphql');

  test('merges the files into one type, sorted by name, keeping directive usages', () => {
    const { code, output } = runCli('print', folder, printed);
    assert.equal(code, 0, output);
    const text = readFileSync(printed, 'utf8');
    assert.match(text, /^# The whole API schema, printed/);
    assert.doesNotMatch(text, /extend type/);
    assert.match(text, /type Query \{\n {2}"""The accounts\."""\n {2}accounts: \[String!\]! @auth\(roles: \["FINANCE"\]\)\n {2}"""Who calls\."""\n {2}viewer: String! @auth\(roles: \["ADMIN"\]\)\n\}/);
  });

  test('printing twice gives the same bytes', () => {
    const first = readFileSync(printed, 'utf8');
    assert.equal(runCli('print', folder, printed).code, 0);
    assert.equal(readFileSync(printed, 'utf8'), first);
  });

  test('check-printed passes on a fresh print and fails on a stale one, saying how to fix it', () => {
    assert.equal(runCli('check-printed', folder, printed).code, 0);
    writeFileSync(printed, readFileSync(printed, 'utf8').replace('accounts:', 'accountList:'));
    const { code, output } = runCli('check-printed', folder, printed);
    assert.equal(code, 1, output);
    assert.match(output, /run `scripts\/schema-gate\.sh --print`/);
    assert.match(output, /accountList/);
  });

  test('an invalid schema file is an error naming the file', () => {
    writeFileSync(join(folder, 'c-broken.graphqls'), 'type Broken {');
    try {
      const { code, output } = runCli('print', folder, printed);
      assert.equal(code, 2, output);
      assert.match(output, /c-broken\.graphqls/);
    } finally {
      rmSync(join(folder, 'c-broken.graphqls'));
    }
  });
});

describe('the repository', () => {
  test('api-schema/schema.graphql is the print of api-schema/*.graphqls', () => {
    const { code, output } = runCli('check-printed');
    assert.equal(code, 0, output);
  });

  test('api-schema/*.graphqls has no breaking change against the latest released schema', () => {
    const { code, output } = runCli('gate');
    assert.equal(code, 0, output);
    assert.match(output, /^Schema gate: api-schema\/released\/\d+\.\d+\.\d+\.graphql -> api-schema\/\*\.graphqls/);
  });
});
