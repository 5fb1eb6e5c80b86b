import { createHash, randomBytes } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ViewerDocument, createClient } from '../src/index.js';
import { serverEnvironment } from './support/environment.js';
import { recordingFetch } from './support/recording-fetch.js';

const environment = serverEnvironment();

type ProbeQuery = { viewer: { subject: string }; probe: { tenant: string } };

/** A document no server has seen: a fresh alias makes its text, and so its hash, new. */
function unseenDocument(): TypedDocumentNode<ProbeQuery, Record<string, never>> {
  const marker = `m${randomBytes(8).toString('hex')}`;
  return parse(`query PersistedQueryProbe { viewer { subject } probe: viewer { tenant } ${marker}: __typename }`);
}

describe('automatic persisted queries', () => {
  it('sends the hash alone, the text once when the server asks, then the hash alone again', async () => {
    const recorder = recordingFetch();
    const client = createClient({ url: environment.graphqlUrl, token: () => environment.token, fetch: recorder.fetch });
    const document = unseenDocument();

    const first = await client.request(document);

    expect(recorder.requests).toHaveLength(2);
    const [hashOnly, withText] = recorder.requests;
    expect(hashOnly?.body.query).toBeUndefined();
    expect(withText?.body.query).toEqual(expect.stringContaining('PersistedQueryProbe'));
    const expectedHash = createHash('sha256').update(withText?.body.query ?? '').digest('hex');
    expect(hashOnly?.body.extensions?.persistedQuery).toEqual({ version: 1, sha256Hash: expectedHash });
    expect(withText?.body.extensions?.persistedQuery?.sha256Hash).toBe(expectedHash);
    expect(first.data.viewer.subject).not.toBe('');

    const second = await client.request(document);

    expect(recorder.requests).toHaveLength(3);
    expect(recorder.requests[2]?.body.query).toBeUndefined();
    expect(recorder.requests[2]?.body.extensions?.persistedQuery?.sha256Hash).toBe(expectedHash);
    expect(second.data).toEqual(first.data);
  });

  it('sends the text every time when persisted queries are off', async () => {
    const recorder = recordingFetch();
    const client = createClient({ url: environment.graphqlUrl, token: () => environment.token, fetch: recorder.fetch, persistedQueries: false });

    await client.request(ViewerDocument);
    await client.request(ViewerDocument);

    expect(recorder.requests).toHaveLength(2);
    for (const request of recorder.requests) {
      expect(request.body.query).toEqual(expect.stringContaining('query Viewer'));
      expect(request.body.extensions).toBeUndefined();
    }
  });
});
