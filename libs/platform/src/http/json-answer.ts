import { hash } from 'node:crypto';

/** A read as it goes on the wire: its JSON, serialised and encoded once however many readers it serves, and a tag of it. */
export interface JsonBody {
  /** The JSON in UTF-8, as it is sent: a list or a dashboard is tens of kilobytes, not to be encoded again per reader. */
  readonly bytes: Buffer;
  /** A strong entity tag of the JSON: a reader that already has it gets 304 Not Modified. */
  readonly etag: string;
}

export function jsonBodyOf(value: unknown): JsonBody {
  const bytes = Buffer.from(JSON.stringify(value), 'utf8');
  return { bytes, etag: `"${hash('sha1', bytes, 'base64url')}"` };
}

/** What a controller needs of Express's response to answer with JSON it already holds. */
export interface JsonResponse {
  setHeader(name: string, value: string): unknown;
  send(body: Buffer): unknown;
}

/**
 * Answers with a kept JSON body as it is, for a controller that takes the response (`@Res()`, not passed through):
 * Express sends the bytes with this type and tag, neither encoding nor hashing the body again, and answers 304 to a
 * reader whose If-None-Match names the tag. Nest would hand on only a string, which Express encodes anew per reader.
 */
export async function answerJson(response: JsonResponse, body: Promise<JsonBody>): Promise<void> {
  const { bytes, etag } = await body;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.setHeader('etag', etag);
  response.send(bytes);
}
