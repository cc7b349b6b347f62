import { hashPassword, verifyPassword } from './password-hash';

describe('password hashing', () => {
  it('accepts the password it hashed and nothing else', async () => {
    const stored = await hashPassword('正确的密码-2026');

    await expect(verifyPassword('正确的密码-2026', stored)).resolves.toBe(true);
    await expect(verifyPassword('正确的密码-2027', stored)).resolves.toBe(false);
  });

  it('salts each hash, so one password never hashes the same twice', async () => {
    const [first, second] = await Promise.all([hashPassword('same-password'), hashPassword('same-password')]);

    expect(first).not.toBe(second);
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
  });

  it('never matches a malformed stored hash', async () => {
    await expect(verifyPassword('anything', '')).resolves.toBe(false);
    await expect(verifyPassword('anything', 'md5$abc')).resolves.toBe(false);
  });
});
