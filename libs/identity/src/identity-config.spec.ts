import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { identityConfigFromEnv } from './identity-config';

describe('identityConfigFromEnv', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'gongzhi-identity-config-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('uses an external provider when a JWKS URL is set, and names a missing companion variable', () => {
    const env = { GONGZHI_AUTH_JWKS_URL: 'https://idp.example.gov.cn/jwks', GONGZHI_AUTH_ISSUER: 'https://idp.example.gov.cn' };

    expect(() => identityConfigFromEnv(env, { secretFile: join(dir, 's') })).toThrow(/GONGZHI_AUTH_AUDIENCE/);
    expect(identityConfigFromEnv({ ...env, GONGZHI_AUTH_AUDIENCE: 'gongzhi' }, { secretFile: join(dir, 's') })).toEqual({
      mode: 'jwks',
      jwksUrl: 'https://idp.example.gov.cn/jwks',
      issuer: 'https://idp.example.gov.cn',
      audience: 'gongzhi',
    });
  });

  it('rejects a short GONGZHI_AUTH_SECRET by name', () => {
    expect(() => identityConfigFromEnv({ GONGZHI_AUTH_SECRET: 'short' }, { secretFile: join(dir, 's') })).toThrow(
      /GONGZHI_AUTH_SECRET must be at least 32 bytes/,
    );
  });

  it('generates a secret at first start, keeps it private, and reuses it afterwards', () => {
    const secretFile = join(dir, 'nested', 'auth-secret');

    const first = identityConfigFromEnv({}, { secretFile });
    const second = identityConfigFromEnv({}, { secretFile });

    expect(first).toEqual(second);
    expect(first.mode === 'embedded' && Buffer.byteLength(first.secret)).toBeGreaterThanOrEqual(32);
    expect(readFileSync(secretFile, 'utf8')).toBe(first.mode === 'embedded' ? first.secret : '');
    expect(statSync(secretFile).mode & 0o077).toBe(0);
  });
});
