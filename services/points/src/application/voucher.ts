import { createHmac, timingSafeEqual } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** The code a resident shows for a redemption: signed, so it is never stored or published. */
export function voucherCode(secret: string, redemptionId: string): string {
  const digest = createHmac('sha256', secret).update(redemptionId).digest();
  const chars = Array.from(digest.subarray(0, 10), (byte) => ALPHABET[byte % ALPHABET.length]).join('');
  return `GZ-${chars.slice(0, 5)}-${chars.slice(5)}`;
}

export function isVoucherFor(secret: string, redemptionId: string, code: string): boolean {
  const expected = Buffer.from(voucherCode(secret, redemptionId));
  const given = Buffer.from(code.trim().toUpperCase());
  return expected.length === given.length && timingSafeEqual(expected, given);
}
