#!/usr/bin/env node
// schema-gate print | check-printed | gate: see ../README.md. Exit codes: 0 passed, 1 the check
// failed (breaking change, stale printed schema), 2 the command itself was wrong (usage, unreadable
// or invalid schema).
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareSchemas, formatReport } from './gate.mjs';
import { loadSchema, PRINTED_HEADER, printFolder } from './printed-schema.mjs';

const REPOSITORY = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const API_SCHEMA = join(REPOSITORY, 'api-schema');
const PRINTED = join(API_SCHEMA, 'schema.graphql');
const RELEASED = join(API_SCHEMA, 'released');
const RELEASED_NAME = /^(\d+)\.(\d+)\.(\d+)\.graphql$/;

class UsageError extends Error {}

function shown(path) {
  const fromRepository = relative(REPOSITORY, path);
  return fromRepository.startsWith('..') ? path : fromRepository;
}

function versionOf(fileName) {
  const match = RELEASED_NAME.exec(fileName);
  return match === null ? null : match.slice(1, 4).map(Number);
}

function compareVersions(left, right) {
  return left[0] - right[0] || left[1] - right[1] || left[2] - right[2];
}

/** The released schemas, oldest first, ordered by version number (not by name: 0.10.0 > 0.9.0). */
function releasedSchemas(folder) {
  return readdirSync(folder)
    .map((name) => ({ file: join(folder, name), version: versionOf(name) }))
    .filter((released) => released.version !== null)
    .sort((left, right) => compareVersions(left.version, right.version));
}

function latestReleased(folder) {
  const released = releasedSchemas(folder);
  if (released.length === 0) {
    throw new UsageError(`no released schema (<major>.<minor>.<patch>.graphql) in ${shown(folder)}`);
  }
  return released.at(-1).file;
}

function isFolder(path) {
  if (!existsSync(path)) {
    throw new UsageError(`no such schema file or folder: ${path}`);
  }
  return statSync(path).isDirectory();
}

function schemaAt(path) {
  return loadSchema(path, isFolder(path));
}

function label(path) {
  return isFolder(path) ? `${shown(path)}/*.graphqls` : shown(path);
}

function print(folder = API_SCHEMA, output = PRINTED) {
  writeFileSync(output, printFolder(folder));
  console.log(`Printed ${shown(folder)}/*.graphqls into ${shown(output)}`);
  return 0;
}

function checkPrinted(folder = API_SCHEMA, printed = PRINTED) {
  const expected = printFolder(folder);
  const actual = existsSync(printed) ? readFileSync(printed, 'utf8') : null;
  if (actual === expected) {
    console.log(`${shown(printed)} matches ${shown(folder)}/*.graphqls`);
    return 0;
  }
  const reason = actual === null ? 'is missing' : `differs from ${shown(folder)}/*.graphqls`;
  console.error(`${shown(printed)} ${reason}: run \`scripts/schema-gate.sh --print\` and commit the result.`);
  if (actual !== null) {
    const expectedLines = expected.split('\n');
    const actualLines = actual.split('\n');
    const line = expectedLines.findIndex((text, index) => text !== actualLines[index]);
    const at = line === -1 ? expectedLines.length : line;
    console.error(`First difference at line ${at + 1}:\n  committed: ${actualLines[at] ?? '<end of file>'}\n  expected:  ${expectedLines[at] ?? '<end of file>'}`);
  }
  return 1;
}

async function gate(oldPath, newPath) {
  const oldFile = oldPath ?? latestReleased(RELEASED);
  const newFile = newPath ?? API_SCHEMA;
  const report = await compareSchemas(schemaAt(oldFile), schemaAt(newFile));
  const text = formatReport(report, label(oldFile), label(newFile));
  if (report.breaking.length > 0) {
    console.error(text);
    return 1;
  }
  console.log(text);
  return 0;
}

/**
 * Freezes the current schema as released/<version>.graphql. The version must be above the latest
 * released one, and the current schema must pass the gate against it: a release never carries an
 * unannounced breaking change.
 */
async function release(version) {
  const parts = version === undefined ? null : versionOf(`${version}.graphql`);
  if (parts === null) {
    throw new UsageError('release needs a version <major>.<minor>.<patch>, e.g. 0.2.0');
  }
  const target = join(RELEASED, `${version}.graphql`);
  const previous = releasedSchemas(RELEASED).at(-1);
  if (previous !== undefined) {
    if (compareVersions(parts, previous.version) <= 0) {
      throw new UsageError(`${version} is not above the latest released ${shown(previous.file)}`);
    }
    if ((await gate(previous.file, API_SCHEMA)) !== 0) {
      return 1;
    }
  }
  const printed = printFolder(API_SCHEMA).slice(PRINTED_HEADER.length);
  writeFileSync(target, `# Released API schema ${version}: frozen, never edited. The schema gate compares\n` +
    '# api-schema/*.graphqls with the newest file of this folder (see README.md here).\n' + printed);
  console.log(`Released ${shown(target)}`);
  return 0;
}

const USAGE = `usage:
  schema-gate print [schema-folder] [output]          merge *.graphqls into the printed schema
  schema-gate check-printed [schema-folder] [printed] fail when the printed schema is stale
  schema-gate gate [old] [new]                        fail on a breaking change from old to new
                                                      (defaults: latest api-schema/released/, api-schema/)
  schema-gate release <major.minor.patch>             freeze api-schema/ as released/<version>.graphql`;

async function main([command, ...args]) {
  switch (command) {
    case 'print':
      return print(...args.map((arg) => resolve(arg)));
    case 'check-printed':
      return checkPrinted(...args.map((arg) => resolve(arg)));
    case 'gate':
      if (args.length === 1 || args.length > 2) {
        throw new UsageError('gate takes no argument or both <old> and <new>');
      }
      return gate(...args.map((arg) => resolve(arg)));
    case 'release':
      return release(...args);
    default:
      throw new UsageError(command === undefined ? 'no command' : `unknown command ${command}`);
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(`schema-gate: ${error.message}`);
  if (error instanceof UsageError) {
    console.error(USAGE);
  }
  process.exitCode = 2;
}
