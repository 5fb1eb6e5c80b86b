// Merges the schema files of api-schema/ into one printed SDL. The printed form is canonical:
// types, fields, arguments and enum values are sorted by name, `extend type` blocks are folded
// into their type, and directive usages (@auth, @cost, @deprecated...) are kept, so a diff of the
// printed file shows every change a client or an authorisation review could care about.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildASTSchema, concatAST, lexicographicSortSchema, parse, validateSchema } from 'graphql';
import { printSchemaWithDirectives } from '@graphql-tools/utils';

export const PRINTED_HEADER =
  '# The whole API schema, printed from api-schema/*.graphqls by `scripts/schema-gate.sh --print`.\n' +
  '# Do not edit: change the .graphqls files and print again. Sorted by name, so diffs stay small.\n';

/** The `.graphqls` files of a folder, sorted by name so the merge never depends on the file system. */
export function schemaFiles(folder) {
  const names = readdirSync(folder).filter((name) => name.endsWith('.graphqls')).sort();
  if (names.length === 0) {
    throw new Error(`no .graphqls file in ${folder}`);
  }
  return names.map((name) => join(folder, name));
}

/** Parses SDL sources (each `{ name, body }`) into one valid schema, naming the file at fault. */
export function buildSchemaFromSources(sources) {
  const documents = sources.map(({ name, body }) => {
    try {
      return parse(body, { noLocation: false });
    } catch (error) {
      throw new Error(`${name}: ${error.message}`);
    }
  });
  const schema = buildASTSchema(concatAST(documents));
  const errors = validateSchema(schema);
  if (errors.length > 0) {
    throw new Error(`invalid schema:\n${errors.map((error) => `  - ${error.message}`).join('\n')}`);
  }
  return schema;
}

/** The schema held by one SDL file or by the `.graphqls` files of a folder. */
export function loadSchema(path, isFolder) {
  const files = isFolder ? schemaFiles(path) : [path];
  return buildSchemaFromSources(files.map((file) => ({ name: file, body: readFileSync(file, 'utf8') })));
}

/** The canonical printed SDL of a schema, with the header and a final newline. */
export function printCanonical(schema) {
  return `${PRINTED_HEADER}\n${printSchemaWithDirectives(lexicographicSortSchema(schema)).trimEnd()}\n`;
}

/** The canonical printed SDL of the `.graphqls` files of a folder. */
export function printFolder(folder) {
  return printCanonical(loadSchema(folder, true));
}
