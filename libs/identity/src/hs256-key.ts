/** HS256 needs a key at least as long as its hash (RFC 7518 §3.2). */
export const MIN_HS256_SECRET_BYTES = 32;

export function hs256Key(secret: string): Uint8Array {
  const key = new TextEncoder().encode(secret);
  if (key.byteLength < MIN_HS256_SECRET_BYTES) {
    throw new Error(`the HS256 secret must be at least ${MIN_HS256_SECRET_BYTES} bytes long (it is ${key.byteLength})`);
  }
  return key;
}
