import type { Principal } from '../principal';
import { ManualClock } from '../spec-support/manual-clock';
import { Hs256TokenVerifier } from '../token-verifier';
import { AccessTokenSigner } from './access-token-signer';

const SECRET = 'a-test-secret-that-is-at-least-32-bytes-long';
const SETTINGS = { issuer: 'gongzhi-embedded', audience: 'gongzhi', accessTokenTtlSeconds: 900 };
const resident: Principal = { subject: 'resident-42', roles: ['resident'], scope: {}, verification: 'verified' };

describe('AccessTokenSigner', () => {
  it('hands out a new token on a refresh within the same second, so a retry never resends the one that just failed', async () => {
    const clock = new ManualClock();
    const signer = new AccessTokenSigner(SECRET, SETTINGS, clock);

    const first = await signer.sign(resident, 'session-1');
    const second = await signer.sign(resident, 'session-1');

    expect(second.accessToken).not.toEqual(first.accessToken);
    const verifier = new Hs256TokenVerifier(SECRET, { issuer: SETTINGS.issuer, audience: SETTINGS.audience, clock });
    await expect(verifier.verify(second.accessToken)).resolves.toMatchObject({ subject: 'resident-42', roles: ['resident'] });
  });
});
