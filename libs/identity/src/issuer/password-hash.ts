import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { HashingGate } from './hashing/hashing-gate';

// scrypt at N=2^15, r=8 (32 MiB, ~0.1 s): slow for a guesser, bearable for a login. The parameters
// are stored with each hash, so raising them later does not break existing accounts.
const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 64;
const SALT_BYTES = 16;

function scryptKey(password: string, salt: Buffer, options: ScryptOptions, keyLength: number): Promise<Buffer> {
  const maxmem = 256 * (options.N ?? COST.N) * (options.r ?? COST.r);
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, keyLength, { ...options, maxmem }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

function parse(stored: string): { salt: Buffer; key: Buffer; options: ScryptOptions } | undefined {
  const [scheme, n, r, p, saltText, keyText] = stored.split('$');
  if (scheme !== 'scrypt' || !saltText || !keyText) return undefined;
  return {
    salt: Buffer.from(saltText, 'base64'),
    key: Buffer.from(keyText, 'base64'),
    options: { N: Number(n), r: Number(r), p: Number(p) },
  };
}

/**
 * Every password hash of the issuer goes through one `PasswordHasher`, so the gate bounds them all:
 * logins, registrations, password changes and demo seeding alike.
 */
export class PasswordHasher {
  private dummy: Promise<string> | undefined;

  constructor(private readonly gate: HashingGate = new HashingGate(4, 64)) {}

  /** `scrypt$N$r$p$<salt>$<hash>` with a fresh random salt per account. */
  async hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_BYTES);
    const key = await this.gate.run(() => this.derive(password, salt, COST, KEY_LENGTH));
    return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join('$');
  }

  /** Compares in constant time; a malformed stored hash never matches. */
  async verify(password: string, stored: string): Promise<boolean> {
    const parsed = parse(stored);
    if (!parsed) return false;
    const actual = await this.gate.run(() => this.derive(password, parsed.salt, parsed.options, parsed.key.length));
    return actual.length === parsed.key.length && timingSafeEqual(actual, parsed.key);
  }

  /**
   * Checks the password against a hash no account has, at the cost of a real check: an unknown
   * username then answers as slowly, and through the same gate, as a wrong password.
   */
  async verifyAgainstDummy(password: string): Promise<false> {
    this.dummy ??= this.hash(randomBytes(16).toString('hex'));
    await this.verify(password, await this.dummy);
    return false;
  }

  /** The one place scrypt runs; public so a test can count the hashes and how many run at once. */
  derive(password: string, salt: Buffer, options: ScryptOptions, keyLength: number): Promise<Buffer> {
    return scryptKey(password, salt, options, keyLength);
  }
}

const ungated = new PasswordHasher(new HashingGate(Number.MAX_SAFE_INTEGER, 0));

/** A hash outside any issuer (seeding scripts, tests); an issuer's own hashing goes through its `PasswordHasher`. */
export const hashPassword = (password: string): Promise<string> => ungated.hash(password);

export const verifyPassword = (password: string, stored: string): Promise<boolean> => ungated.verify(password, stored);

export const PASSWORD_HASHER = Symbol('PASSWORD_HASHER');
