import { createHash } from 'node:crypto';

/** An answer as the UTF-8 JSON it is sent as, with the entity tag Express would have given it. */
export interface JsonAnswer {
  readonly body: Buffer;
  readonly etag: string;
}

/** The response as a handler with `@Res()` sees it. */
export type AnswerResponse = { setHeader(name: string, value: string): unknown; send(body: Buffer): unknown };

/** Serialises once what many readers will be sent (see ReadCache.readJson). */
export function jsonAnswer(value: unknown): JsonAnswer {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  // Express's own weak tag (the `etag` package): the byte length in hex and the first 27 characters of the base64 SHA-1.
  const hash = createHash('sha1').update(body).digest('base64').substring(0, 27);
  return { body, etag: `W/"${body.length.toString(16)}-${hash}"` };
}

/**
 * Sends the answer as `res.json` would have: JSON with its content type and tag, the bytes as they are kept. Express
 * still answers 304 to a reader whose If-None-Match names the tag, and a HEAD request without the body.
 */
export function sendJsonAnswer(response: AnswerResponse, answer: JsonAnswer): void {
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.setHeader('ETag', answer.etag);
  response.send(answer.body);
}
