// The GraphiQL page of Performance OS. Every request needs "Authorization": "Bearer <token>" in
// the Headers tab. Queries and mutations send the headers over HTTP; subscriptions open a
// graphql-ws connection whose connection_init payload carries the same headers, which is where
// the server authenticates WebSocket clients (browsers cannot set headers on an upgrade).
import './monaco-workers.js';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';

import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import { getOperationAST, parse } from 'graphql';
import { createClient } from 'graphql-ws';

// The server redirects /graphiql to /graphiql?path=/graphql&wsPath=/graphql-ws.
const params = new URLSearchParams(window.location.search);
const path = params.get('path') || '/graphql';
const url = `${location.protocol}//${location.host}${path}`;
const wsPath = params.get('wsPath') || '/graphql-ws';
const wsProtocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
const subscriptionUrl = `${wsProtocol}//${location.host}${wsPath}`;
const httpFetcher = createGraphiQLFetcher({ url });

function isSubscription(graphQLParams) {
  try {
    const operation = getOperationAST(parse(graphQLParams.query), graphQLParams.operationName);
    return operation !== null && operation !== undefined && operation.operation === 'subscription';
  } catch {
    // An unparsable document goes over HTTP, where the server answers with the parse error.
    return false;
  }
}

async function* subscribe(graphQLParams, headers) {
  const client = createClient({ url: subscriptionUrl, connectionParams: headers || {}, retryAttempts: 0 });
  try {
    yield* client.iterate(graphQLParams);
  } finally {
    await client.dispose();
  }
}

const fetcher = (graphQLParams, options) => isSubscription(graphQLParams)
  ? subscribe(graphQLParams, options && options.headers)
  : httpFetcher(graphQLParams, options);
const plugins = [HISTORY_PLUGIN, explorerPlugin()];
const initialHeaders = '{ "Authorization": "Bearer <paste a token from scripts/mint-token.sh>" }';

function App() {
  return createElement(GraphiQL, {
    fetcher,
    defaultEditorToolsVisibility: true,
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: true,
    initialHeaders,
    plugins,
  });
}

createRoot(document.getElementById('graphiql')).render(createElement(App));
