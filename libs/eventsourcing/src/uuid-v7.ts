import { randomFillSync } from 'node:crypto';

let lastMillis = 0;
let sequence = 0;

/**
 * Random bytes drawn from the system's generator 4 KiB at a time (as `crypto.randomUUID` does), rather than two
 * calls into it per id: every request makes a correlation id and every event an event id.
 */
const pool = Buffer.alloc(4096);
let pooled = pool.length;

/**
 * Random bytes from a 4 KiB pool the system's generator fills at a time, instead of one call into it per id or IV;
 * every byte is handed out once.
 */
export function pooledRandomBytes(size: number): Buffer {
  if (pooled + size > pool.length) {
    randomFillSync(pool);
    pooled = 0;
  }
  const bytes = Buffer.allocUnsafe(size);
  pool.copy(bytes, 0, pooled, pooled + size);
  pooled += size;
  return bytes;
}

/**
 * A UUID v7 (RFC 9562): 48 bits of Unix milliseconds, then a 12-bit counter that keeps ids made in
 * the same millisecond ordered, then random bits.
 */
export function uuidv7(now: number = Date.now()): string {
  if (now > lastMillis) {
    lastMillis = now;
    sequence = pooledRandomBytes(2).readUInt16BE() & 0x3ff;
  } else {
    sequence = (sequence + 1) & 0xfff;
    if (sequence === 0) lastMillis += 1;
  }
  const bytes = pooledRandomBytes(16);
  const millis = lastMillis;
  bytes.writeUIntBE(millis, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
