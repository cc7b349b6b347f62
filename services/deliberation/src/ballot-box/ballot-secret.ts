import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { textVariable } from '@gongzhi/platform';
import { z } from 'zod';

export const BALLOT_SECRET_VARIABLE = 'GONGZHI_BALLOT_SECRET';
export const TOPIC_CO_SIGNERS_VARIABLE = 'GONGZHI_TOPIC_COSIGNERS';
/** The file the embedded default keeps its generated ballot secret in, beside `auth-secret`. */
export const BALLOT_SECRET_FILE = 'ballot-secret';
export const MIN_BALLOT_SECRET_LENGTH = 32;
/** A secret written as `hex:<digits>` is those bytes (how a key moved out of an older database is kept). */
const HEX_PREFIX = 'hex:';

/**
 * deliberation's variables: GONGZHI_BALLOT_SECRET, at least 32 characters, required in distributed mode (no data
 * folder to keep a generated one in). The host and `runStandaloneService` check it with every other variable
 * before anything is opened; the module gets `{ GONGZHI_BALLOT_SECRET }`, which `findBallotSecret` reads.
 */
export const deliberationSettingsSchema = z
  .object({
    GONGZHI_MODE: z.string().optional(),
    [BALLOT_SECRET_VARIABLE]: textVariable(`expected at least ${MIN_BALLOT_SECRET_LENGTH} characters of ballot secret`)
      .refine((text) => text.length >= MIN_BALLOT_SECRET_LENGTH, {
        error: `expected at least ${MIN_BALLOT_SECRET_LENGTH} characters of ballot secret`,
      })
      .optional(),
    /** 联署: co-signers a resident's topic waits for before screening; 0 (the default) sends it straight on. */
    [TOPIC_CO_SIGNERS_VARIABLE]: z.coerce
      .number({ error: 'expected a whole number of co-signers, 0 or more' })
      .int({ error: 'expected a whole number of co-signers, 0 or more' })
      .min(0, { error: 'expected a whole number of co-signers, 0 or more' })
      .max(50, { error: 'at most 50 co-signers' })
      .default(0),
  })
  .superRefine(
    (env, ctx) => {
      if (env.GONGZHI_MODE?.trim().toLowerCase() === 'distributed' && env[BALLOT_SECRET_VARIABLE] === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [BALLOT_SECRET_VARIABLE],
          message:
            'not set; required when GONGZHI_MODE=distributed: the ballot secret is kept outside the databases, so set it ' +
            `(at least ${MIN_BALLOT_SECRET_LENGTH} characters, e.g. \`openssl rand -base64 48\`) on every deliberation instance, the same value on each`,
        });
      }
    },
    { when: () => true },
  )
  .transform((env): DeliberationSettings => ({
    ...(env[BALLOT_SECRET_VARIABLE] === undefined ? {} : { [BALLOT_SECRET_VARIABLE]: env[BALLOT_SECRET_VARIABLE] }),
    ...(env[TOPIC_CO_SIGNERS_VARIABLE] > 0 ? { [TOPIC_CO_SIGNERS_VARIABLE]: env[TOPIC_CO_SIGNERS_VARIABLE] } : {}),
  }));

export type DeliberationSettings = { readonly [BALLOT_SECRET_VARIABLE]?: string; readonly [TOPIC_CO_SIGNERS_VARIABLE]?: number };

/** Where the ballot secret came from, so a key left in an older database can be moved to the same place. */
export type BallotSecretSource =
  | { readonly kind: 'environment'; readonly text: string }
  | { readonly kind: 'file'; readonly path: string; readonly text: string }
  | { readonly kind: 'none'; readonly path: string };

/**
 * The ballot secret never lives in a database, so a copy of every database file opens no ballot.
 * `GONGZHI_BALLOT_SECRET` wins when set. Otherwise the embedded default (a data folder) keeps one
 * generated secret in `<dataDir>/ballot-secret`, mode 0600, as the built-in issuer does with `auth-secret`;
 * distributed mode (no data folder of its own) refuses to start without the variable.
 */
export function findBallotSecret(env: Readonly<Record<string, string | undefined>>, dataDir: string | undefined): BallotSecretSource {
  const configured = env[BALLOT_SECRET_VARIABLE]?.trim();
  if (configured) {
    assertStrongEnough(configured, BALLOT_SECRET_VARIABLE);
    return { kind: 'environment', text: configured };
  }
  if (dataDir === undefined) {
    throw new Error(
      `${BALLOT_SECRET_VARIABLE} is required in distributed mode: the ballot secret is kept outside the databases, ` +
        `so set it (at least ${MIN_BALLOT_SECRET_LENGTH} characters, e.g. \`openssl rand -base64 48\`) on every deliberation instance, the same value on each`,
    );
  }
  const path = join(dataDir, BALLOT_SECRET_FILE);
  const text = readSecretFile(path);
  return text === null ? { kind: 'none', path } : { kind: 'file', path, text };
}

/** Writes a secret file once (0600; a file another process wrote first wins), then reads what is there. */
export function writeBallotSecretFile(path: string, text: string = randomBytes(48).toString('base64url')): string {
  mkdirSync(dirname(path), { recursive: true });
  try {
    writeFileSync(path, text, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readSecretFile(path)!;
}

/** The key material of a secret's text: its UTF-8 bytes, or the bytes of a `hex:` secret. */
export function ballotSecretBytes(text: string): Buffer {
  return text.startsWith(HEX_PREFIX) ? Buffer.from(text.slice(HEX_PREFIX.length), 'hex') : Buffer.from(text, 'utf8');
}

/** The text under which a raw key from an older database is kept in the file or the variable. */
export const hexSecretText = (hex: string) => `${HEX_PREFIX}${hex}`;

function readSecretFile(path: string): string | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  // A copy restored from a backup may have lost its mode; the secret is readable by the service alone.
  chmodSync(path, 0o600);
  assertStrongEnough(text, path);
  return text;
}

function assertStrongEnough(text: string, where: string): void {
  if (text.length < MIN_BALLOT_SECRET_LENGTH) {
    throw new Error(`${where}: expected at least ${MIN_BALLOT_SECRET_LENGTH} characters of ballot secret, got ${text.length}`);
  }
}
