import type { JsonBody } from './read-cache';

/** What a controller needs of Express's response to answer with JSON it already holds. */
export interface JsonResponse {
  setHeader(name: string, value: string): unknown;
}

/**
 * Answers with a kept JSON body as it is: Nest hands the string to Express, which sends it with this type, keeps
 * the tag instead of hashing the body again, and answers 304 to a reader whose If-None-Match names the tag.
 */
export async function answerJson(response: JsonResponse, body: Promise<JsonBody>): Promise<string> {
  const { json, etag } = await body;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.setHeader('etag', etag);
  return json;
}
