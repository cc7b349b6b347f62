import { createHmac, timingSafeEqual } from 'node:crypto';
import { generateSigningSecret, signWebhook, webhookHeaders } from './webhook-signature';

/** A receiver's check, written from the Standard Webhooks specification rather than from our signer. */
function receiverAccepts(secret: string, headers: Record<string, string>, body: string): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const content = `${headers['webhook-id']}.${headers['webhook-timestamp']}.${body}`;
  const expected = Buffer.from(createHmac('sha256', key).update(content).digest('base64'));
  return headers['webhook-signature'].split(' ').some((candidate) => {
    const [version, signature] = candidate.split(',');
    const given = Buffer.from(signature ?? '');
    return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
  });
}

describe('webhook signatures (Standard Webhooks)', () => {
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const body = '{"eventId":"018f3c1e-0000-7000-8000-000000000001","type":"CaseReported"}';
  const at = new Date('2026-11-26T09:00:00.000Z');

  it("matches the specification's own example", () => {
    // The example of the Standard Webhooks specification (its README, "Signature scheme").
    const sample = '{"test": 2432232314}';
    expect(signWebhook(secret, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, sample)).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('is verified by a receiver computing the HMAC itself, with the id and timestamp it was sent', () => {
    const headers = webhookHeaders(secret, '018f3c1e-0000-7000-8000-000000000001', at, body);
    expect(headers['webhook-timestamp']).toBe(String(at.getTime() / 1000));
    expect(headers['webhook-id']).toBe('018f3c1e-0000-7000-8000-000000000001');
    expect(receiverAccepts(secret, headers, body)).toBe(true);
  });

  it('fails for a changed body, a replayed id, a moved timestamp or another secret', () => {
    const headers = webhookHeaders(secret, 'evt-1', at, body);
    expect(receiverAccepts(secret, headers, body.replace('CaseReported', 'CaseClosed'))).toBe(false);
    expect(receiverAccepts(secret, { ...headers, 'webhook-id': 'evt-2' }, body)).toBe(false);
    expect(receiverAccepts(secret, { ...headers, 'webhook-timestamp': String(at.getTime() / 1000 + 1) }, body)).toBe(false);
    expect(receiverAccepts(generateSigningSecret(), headers, body)).toBe(false);
  });

  it('makes a fresh 32-byte secret each time, in the whsec_ form', () => {
    const [a, b] = [generateSigningSecret(), generateSigningSecret()];
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(a.slice('whsec_'.length), 'base64')).toHaveLength(32);
    expect(a).not.toBe(b);
  });
});
