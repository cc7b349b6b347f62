import { hash } from 'node:crypto';

/** What Express's weak ETag makes of an empty body. */
const EMPTY = 'W/"0-2jmj7l5rSw0yVb/vlWAYkK/YBwk"';

/**
 * The weak ETag Express gives every answer it sends (`W/"<length in hex>-<SHA-1, base64, 27 characters>"`, its
 * `etag` setting's default), the same tag to the character, made with the one-shot `crypto.hash` instead of a
 * Hash object per answer. Set it as the `etag` setting: `express.set('etag', weakEtag)`.
 */
export function weakEtag(body: Buffer | string, encoding?: BufferEncoding): string {
  const buffer = typeof body === 'string' ? Buffer.from(body, encoding) : body;
  if (buffer.length === 0) return EMPTY;
  return `W/"${buffer.length.toString(16)}-${hash('sha1', buffer, 'base64').substring(0, 27)}"`;
}
