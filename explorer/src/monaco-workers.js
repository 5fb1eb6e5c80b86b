// GraphiQL 5 edits with Monaco, whose language services run in web workers. The build bundles
// each worker into its own file next to explorer.js (see build.mjs); graphiql's own
// setup-workers modules assume Vite, webpack or esm.sh (internet), none of which applies here.
const WORKERS = {
  json: 'json.worker.js',
  graphql: 'graphql.worker.js',
};

globalThis.MonacoEnvironment = {
  getWorker(_workerId, label) {
    const file = WORKERS[label] ?? 'editor.worker.js';
    return new Worker(new URL(file, import.meta.url), { name: `monaco-${label}` });
  },
};
