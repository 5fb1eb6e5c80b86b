// Bundles the GraphiQL page into <output>/index.html and <output>/assets/ (explorer.js and .css,
// lazily loaded chunks, one file per Monaco worker). The server build calls it through build.sh
// with server/target/classes/graphiql as <output>. It does nothing when the output was built from
// the same sources and lock file, so repeated Maven builds stay fast and work offline.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const PROJECT = fileURLToPath(new URL('.', import.meta.url));
const STAMP = '.explorer-build';

/** Everything the output depends on, read in a fixed order. */
function inputs() {
  const sources = readdirSync(join(PROJECT, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  return [join(PROJECT, 'package-lock.json'), join(PROJECT, 'build.mjs'), ...sources];
}

function fingerprint() {
  const hash = createHash('sha256');
  for (const file of inputs()) {
    hash.update(relative(PROJECT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

const WORKERS = {
  'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
  'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
  'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
};

const COMMON = {
  bundle: true,
  minify: true,
  sourcemap: false,
  target: 'es2022',
  legalComments: 'linked',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
  absWorkingDir: PROJECT,
};

async function bundle(output) {
  const assets = join(output, 'assets');
  rmSync(output, { recursive: true, force: true });
  mkdirSync(assets, { recursive: true });
  await build({
    ...COMMON,
    entryPoints: { explorer: 'src/main.js' },
    outdir: assets,
    format: 'esm',
    // One script and one style sheet: with code splitting, esbuild leaves the CSS of lazily
    // imported modules (Monaco's) for the page to load itself.
    splitting: false,
    entryNames: '[name]',
    assetNames: 'files/[name]-[hash]',
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file' },
  });
  // Workers are classic scripts: module workers are not needed and classic ones work everywhere.
  await build({ ...COMMON, entryPoints: WORKERS, outdir: assets, format: 'iife', entryNames: '[name]' });
  copyFileSync(join(PROJECT, 'src', 'index.html'), join(output, 'index.html'));
}

// The server build passes its target/classes/graphiql; `npm run build` alone writes to the same place.
const [target = join(PROJECT, '..', 'server', 'target', 'classes', 'graphiql')] = process.argv.slice(2);
const output = resolve(target);
const expected = fingerprint();
const stamp = join(output, STAMP);
const built = ['index.html', 'assets/explorer.js', 'assets/explorer.css', 'assets/editor.worker.js'];
if (existsSync(stamp) && readFileSync(stamp, 'utf8') === expected && built.every((file) => existsSync(join(output, file)))) {
  console.log(`GraphiQL explorer in ${output} is up to date`);
} else {
  await bundle(output);
  writeFileSync(stamp, expected);
  console.log(`GraphiQL explorer built into ${output}`);
}
