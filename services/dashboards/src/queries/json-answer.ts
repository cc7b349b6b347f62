import type { JsonBody } from './read-cache';

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
