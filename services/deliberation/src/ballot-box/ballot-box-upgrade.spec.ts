import { createCipheriv, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DataSource } from 'typeorm';
import { ManualClock } from '@gongzhi/eventsourcing';
import { BallotBox } from './ballot-box';
import { BallotBoxSeal, SecretBallot, ServiceSecret } from './ballot-box.entities';
import { BALLOT_SECRET_FILE } from './ballot-secret';
import { SEALED_CHOICE_LENGTH } from './ballot-seal';
import { platformDataSource } from '@gongzhi/persistence';

/**
 * A database written by the version before: the ballot key in `deliberation_secrets`, a rowid table in the
 * order of arrival, and choices sealed at their own length (so 'abstain' was longer than 'no').
 */
const BOX = 'topic-legacy';
const LEGACY_BALLOTS = [
  ['resident-1', ['yes']],
  ['resident-2', ['abstain']],
  ['resident-3', ['no']],
  ['resident-4', ['yes']],
] as const;

async function writeLegacyDatabase(file: string, legacyKey: Buffer): Promise<void> {
  const db = await platformDataSource({ type: 'better-sqlite3', database: file }).initialize();
  await db.query(
    `CREATE TABLE "deliberation_ballots" ("box_id" varchar(200) NOT NULL, "ballot_key" varchar(64) NOT NULL, "choice" text NOT NULL, "assisted" boolean NOT NULL DEFAULT (0), PRIMARY KEY ("box_id", "ballot_key"))`,
  );
  await db.query(`CREATE TABLE "deliberation_secrets" ("name" varchar(100) PRIMARY KEY NOT NULL, "value" varchar(200) NOT NULL)`);
  await db.query(`INSERT INTO deliberation_secrets (name, value) VALUES ('ballot-key', ?), ('consent-code-key', ?)`, [
    legacyKey.toString('hex'),
    'ab'.repeat(32),
  ]);
  const choiceKey = createHmac('sha256', legacyKey).update('ballot-choice').digest();
  for (const [voter, choice] of LEGACY_BALLOTS) {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', choiceKey, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(choice), 'utf8'), cipher.final()]);
    const key = createHmac('sha256', legacyKey).update(`ballot-key\u0000${BOX}\u0000${voter}`).digest('hex');
    await db.query(`INSERT INTO deliberation_ballots (box_id, ballot_key, choice, assisted) VALUES (?, ?, ?, 0)`, [
      BOX,
      key,
      Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64'),
    ]);
  }
  await db.destroy();
}

const openDatabase = (file: string) =>
  platformDataSource({
    type: 'better-sqlite3',
    database: file,
    entities: [SecretBallot, BallotBoxSeal, ServiceSecret],
    synchronize: true,
  }).initialize();

describe('opening a ballot box an older version wrote', () => {
  let dir: string;
  let file: string;
  let dataSource: DataSource | undefined;
  const legacyKey = randomBytes(32);

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ballot-upgrade-'));
    file = join(dir, 'read.sqlite');
    await writeLegacyDatabase(file, legacyKey);
    dataSource = await openDatabase(file);
  });
  afterEach(async () => {
    await dataSource?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('moves the key out of the database into the 0600 secret file, once, and still counts every ballot', async () => {
    const box = await BallotBox.forService(dataSource!, new ManualClock(), { env: {}, dataDir: dir });

    const secretFile = join(dir, BALLOT_SECRET_FILE);
    expect(readFileSync(secretFile, 'utf8')).toBe(`hex:${legacyKey.toString('hex')}`);
    expect((statSync(secretFile).mode & 0o777).toString(8)).toBe('600');
    expect(await dataSource!.getRepository(ServiceSecret).find({ order: { name: 'ASC' } })).toEqual([
      { name: 'consent-code-key', value: 'ab'.repeat(32) },
    ]);

    const [{ sql }] = await dataSource!.query(`SELECT sql FROM sqlite_master WHERE name = 'deliberation_ballots'`);
    expect(sql).toMatch(/WITHOUT ROWID/);
    const rows: { choice: string }[] = await dataSource!.query('SELECT choice FROM deliberation_ballots');
    expect(rows.map((r) => r.choice.length)).toEqual(LEGACY_BALLOTS.map(() => SEALED_CHOICE_LENGTH));
    // No page of the file keeps an old, variable-length choice behind.
    expect(readFileSync(file).includes(Buffer.from('deliberation_ballots_rowid'))).toBe(false);

    // A voter changes their vote after the upgrade: their old row is found and replaced, not doubled.
    await box.cast(BOX, 'resident-2', ['no']);
    expect(await box.choiceOf(BOX, 'resident-2')).toEqual(['no']);
    expect(await box.sealAndCount(BOX)).toEqual({ yes: 2, no: 2 });

    // A restart finds nothing left to move or upgrade.
    await dataSource!.destroy();
    dataSource = await openDatabase(file);
    const again = await BallotBox.forService(dataSource, new ManualClock(), { env: {}, dataDir: dir });
    expect(await again.ballotCount(BOX)).toBe(4);
  });

  it('refuses to start when a configured secret is not the key the ballots were sealed with, and keeps the key', async () => {
    const other = { GONGZHI_BALLOT_SECRET: 'x'.repeat(48) };
    await expect(BallotBox.forService(dataSource!, new ManualClock(), { env: other, dataDir: undefined })).rejects.toThrow(
      "The ballot key of the existing ballots is still in the database (table deliberation_secrets, name 'ballot-key') and GONGZHI_BALLOT_SECRET holds another secret",
    );
    expect(await dataSource!.getRepository(ServiceSecret).countBy({ name: 'ballot-key' })).toBe(1);

    const moved = { GONGZHI_BALLOT_SECRET: `hex:${legacyKey.toString('hex')}` };
    const box = await BallotBox.forService(dataSource!, new ManualClock(), { env: moved, dataDir: undefined });
    expect(await dataSource!.getRepository(ServiceSecret).countBy({ name: 'ballot-key' })).toBe(0);
    expect(await box.sealAndCount(BOX)).toEqual({ yes: 2, abstain: 1, no: 1 });
  });
});

describe('a sealed choice', () => {
  let dir: string;
  let dataSource: DataSource;
  let box: BallotBox;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ballot-seal-'));
    dataSource = await openDatabase(join(dir, 'read.sqlite'));
    box = await BallotBox.open(dataSource, new ManualClock(), randomBytes(32));
  });
  afterEach(async () => {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const stored = async (): Promise<{ ballot_key: string; choice: string }[]> =>
    dataSource.query('SELECT ballot_key, choice FROM deliberation_ballots');

  it('has one length whatever was chosen: a short option, a long one, or a budget ballot of 100 projects', async () => {
    await box.cast('topic-1', 'resident-1', ['no']);
    await box.cast('topic-1', 'resident-2', ['abstain']);
    await box.cast('topic-1', 'resident-3', ['一个很长的选项'.repeat(14)]);
    await box.cast(
      'pool-1',
      'resident-1',
      Array.from({ length: 100 }, () => randomUUID()),
    );
    expect((await stored()).map((row) => row.choice.length)).toEqual([
      SEALED_CHOICE_LENGTH,
      SEALED_CHOICE_LENGTH,
      SEALED_CHOICE_LENGTH,
      SEALED_CHOICE_LENGTH,
    ]);
    await expect(
      box.cast(
        'pool-1',
        'resident-2',
        Array.from({ length: 120 }, () => randomUUID()),
      ),
    ).rejects.toThrow(/does not fit the fixed 4093 bytes/);
  });

  it('does not open in another voter’s row: a choice copied by someone with the database is refused at the count', async () => {
    await box.cast('topic-1', 'resident-1', ['yes']);
    await box.cast('topic-1', 'resident-2', ['no']);
    const [first, second] = await stored();
    await dataSource.query('UPDATE deliberation_ballots SET choice = ? WHERE ballot_key = ?', [first.choice, second.ballot_key]);
    await expect(box.sealAndCount('topic-1')).rejects.toThrow(/holds a choice that does not open with the ballot secret/);
  });
});
