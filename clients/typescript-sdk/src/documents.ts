import { Kind, print, type DocumentNode } from 'graphql';

/** The text of a document as sent to the server, its operation name and its persisted-query hash. */
export interface PreparedDocument {
  readonly query: string;
  readonly operationName: string | undefined;
  /** Lowercase hex SHA-256 of `query`: the automatic persisted query id. */
  readonly sha256Hash: Promise<string>;
}

const prepared = new WeakMap<DocumentNode, PreparedDocument>();

/**
 * Prints a document once and remembers its text and hash, so repeated calls of the same generated
 * document neither re-print nor re-hash it. Keyed weakly: documents built at run time are released
 * with their last reference.
 */
export function prepare(document: DocumentNode): PreparedDocument {
  const known = prepared.get(document);
  if (known !== undefined) {
    return known;
  }
  const query = print(document);
  const sha256Hash = sha256Hex(query);
  // A failing digest must not become an unhandled rejection before anyone awaits it.
  sha256Hash.catch(() => undefined);
  const result: PreparedDocument = { query, operationName: operationNameOf(document), sha256Hash };
  prepared.set(document, result);
  return result;
}

function operationNameOf(document: DocumentNode): string | undefined {
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) {
      return definition.name?.value;
    }
  }
  return undefined;
}

/** Web Crypto's SHA-256, available in browsers and in Node 20+ as `globalThis.crypto`. */
async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
