import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildSchema } from 'graphql';
import { compareSchemas } from '../src/gate.mjs';
import { fixture, runCli } from './run-cli.mjs';

function section(output, title) {
  const start = output.indexOf(`${title} (`);
  assert.notEqual(start, -1, `no ${title} section in:\n${output}`);
  const end = output.slice(start + 1).search(/\n(Breaking|Dangerous|Safe) \(|\n(PASSED|FAILED)/);
  return output.slice(start, end === -1 ? undefined : start + 1 + end);
}

describe('schema gate, command line', () => {
  test('fails on a removed field and names it', () => {
    const { code, output } = runCli('gate', fixture('base'), fixture('field-removed'));
    assert.equal(code, 1, output);
    assert.match(section(output, 'Breaking'), /Breaking \(1\)/);
    assert.match(section(output, 'Breaking'), /legacyNumber.*\[Account\.legacyNumber\]/);
    assert.match(output, /FAILED: 1 breaking change/);
  });

  test('passes when a field is deprecated and kept', () => {
    const { code, output } = runCli('gate', fixture('base'), fixture('field-deprecated'));
    assert.equal(code, 0, output);
    assert.match(output, /Breaking \(0\)/);
    assert.match(output, /PASSED/);
  });

  test('passes when a field deprecated in the old schema is removed, and reports it as dangerous', () => {
    const { code, output } = runCli('gate', fixture('field-deprecated'), fixture('field-removed'));
    assert.equal(code, 0, output);
    assert.match(output, /Breaking \(0\)/);
    assert.match(section(output, 'Dangerous'), /legacyNumber.*\[Account\.legacyNumber\]/);
  });

  test('fails on a removed enum value that was not deprecated', () => {
    const { code, output } = runCli('gate', fixture('base'), fixture('enum-value-removed'));
    assert.equal(code, 1, output);
    assert.match(section(output, 'Breaking'), /MEMO/);
  });

  test('passes when an enum value deprecated in the old schema is removed, and reports it as dangerous', () => {
    const { code, output } = runCli('gate', fixture('enum-value-deprecated'), fixture('enum-value-removed'));
    assert.equal(code, 0, output);
    assert.match(section(output, 'Dangerous'), /MEMO/);
  });

  test('fails when an argument changes type', () => {
    const { code, output } = runCli('gate', fixture('base'), fixture('argument-type-changed'));
    assert.equal(code, 1, output);
    assert.match(section(output, 'Breaking'), /first.*\[Query\.accounts\.first\]/);
  });

  test('fails when a required argument is added', () => {
    const { code, output } = runCli('gate', fixture('base'), fixture('required-argument-added'));
    assert.equal(code, 1, output);
    assert.match(section(output, 'Breaking'), /type.*\[Query\.accounts\.type\]/);
  });

  test('passes when an optional field is added, and lists it as safe', () => {
    const { code, output } = runCli('gate', fixture('base'), fixture('optional-field-added'));
    assert.equal(code, 0, output);
    assert.match(section(output, 'Safe'), /description.*\[Account\.description\]/);
  });

  test('refuses a missing schema file as a usage error, not as a pass', () => {
    const { code, output } = runCli('gate', fixture('base'), fixture('no-such-fixture'));
    assert.equal(code, 2, output);
    assert.match(output, /no such schema file/);
  });
});

describe('schema gate, removed types and arguments', () => {
  const before = `
    type Query {
      chart: Chart
      legacyChart: LegacyChart @deprecated(reason: "Use chart. Removal after 2027-06-30.")
      accounts(first: Int, legacyFilter: String @deprecated(reason: "No effect. Removal after 2027-06-30.")): [String!]!
    }
    type Chart { name: String! }
    type LegacyChart { name: String! }
  `;

  test('a type reached only through deprecated fields may go with them', async () => {
    const after = before.replace(/legacyChart:.*\n/, '').replace('type LegacyChart { name: String! }', '');
    const report = await compareSchemas(buildSchema(before), buildSchema(after));
    assert.deepEqual(report.breaking, []);
    assert.deepEqual(report.dangerous.map((change) => change.path).sort(), ['LegacyChart', 'Query.legacyChart']);
  });

  test('a type still reached through a field that was not deprecated may not', async () => {
    const after = before.replace('chart: Chart\n', '').replace('type Chart { name: String! }', '');
    const report = await compareSchemas(buildSchema(before), buildSchema(after));
    const paths = report.breaking.map((change) => change.path).sort();
    assert.deepEqual(paths, ['Chart', 'Query.chart']);
    assert.match(report.breaking.find((change) => change.path === 'Chart').reason, /Query\.chart/);
  });

  test('a deprecated argument may be removed; a plain one may not', async () => {
    const withoutDeprecated = before.replace(', legacyFilter: String @deprecated(reason: "No effect. Removal after 2027-06-30.")', '');
    const allowed = await compareSchemas(buildSchema(before), buildSchema(withoutDeprecated));
    assert.deepEqual(allowed.breaking, []);
    assert.deepEqual(allowed.dangerous.map((change) => change.path), ['Query.accounts.legacyFilter']);

    const withoutFirst = before.replace('first: Int, ', '');
    const refused = await compareSchemas(buildSchema(before), buildSchema(withoutFirst));
    assert.deepEqual(refused.breaking.map((change) => change.path), ['Query.accounts.first']);
  });
});
