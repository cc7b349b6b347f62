import { createHash } from 'node:crypto';

/** An answer as the JSON text it is sent as, with the entity tag Express would have given that text. */
export interface JsonAnswer {
  readonly json: string;
  readonly etag: string;
}

/** The response as a handler with `@Res({ passthrough: true })` sees it: only the headers are set here. */
export type AnswerHeaders = { setHeader(name: string, value: string): unknown };

/** Serialises once what many readers will be sent (see ReadCache.readJson). */
export function jsonAnswer(value: unknown): JsonAnswer {
  const json = JSON.stringify(value);
  // Express's own weak tag (the `etag` package): the byte length in hex and the first 27 characters of the base64 SHA-1.
  const hash = createHash('sha1').update(json, 'utf8').digest('base64').substring(0, 27);
  return { json, etag: `W/"${Buffer.byteLength(json, 'utf8').toString(16)}-${hash}"` };
}

/**
 * The body of the reply, as `res.json` would have sent it: JSON with its content type and tag. Express then sends the
 * text as it is, and still answers 304 to a reader whose If-None-Match names the tag.
 */
export function sendJsonAnswer(response: AnswerHeaders, answer: JsonAnswer): string {
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.setHeader('ETag', answer.etag);
  return answer.json;
}
