import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DataSource } from 'typeorm';
import { ManualClock } from '@gongzhi/eventsourcing';
import { BallotBox } from './ballot-box';
import { BallotBoxSeal, SecretBallot, ServiceSecret } from './ballot-box.entities';
import { BALLOT_SECRET_FILE, findBallotSecret } from './ballot-secret';
import { platformDataSource } from '@gongzhi/persistence';

describe('where the ballot secret comes from', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ballot-secret-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses distributed mode (no data folder) without GONGZHI_BALLOT_SECRET, naming the variable', () => {
    expect(() => findBallotSecret({}, undefined)).toThrow(/^GONGZHI_BALLOT_SECRET is required in distributed mode/);
    expect(() => findBallotSecret({ GONGZHI_BALLOT_SECRET: '   ' }, undefined)).toThrow(
      /^GONGZHI_BALLOT_SECRET is required in distributed mode/,
    );
    expect(() => findBallotSecret({ GONGZHI_BALLOT_SECRET: 'too-short' }, undefined)).toThrow(
      'GONGZHI_BALLOT_SECRET: expected at least 32 characters of ballot secret, got 9',
    );
  });

  it('stops a distributed deliberation service at start when the variable is missing', async () => {
    const dataSource = await openDatabase(join(dir, 'read.sqlite'));
    try {
      await expect(BallotBox.forService(dataSource, new ManualClock(), { env: {}, dataDir: undefined })).rejects.toThrow(
        /GONGZHI_BALLOT_SECRET is required/,
      );
    } finally {
      await dataSource.destroy();
    }
  });

  it('generates the embedded secret once, into its own 0600 file, and keeps it across starts', async () => {
    const dataSource = await openDatabase(join(dir, 'read.sqlite'));
    try {
      await BallotBox.forService(dataSource, new ManualClock(), { env: {}, dataDir: dir });
      const file = join(dir, BALLOT_SECRET_FILE);
      const first = readFileSync(file, 'utf8');
      expect([(statSync(file).mode & 0o777).toString(8), first.length >= 32]).toEqual(['600', true]);
      await BallotBox.forService(dataSource, new ManualClock(), { env: {}, dataDir: dir });
      expect(readFileSync(file, 'utf8')).toBe(first);
      expect(await dataSource.getRepository(ServiceSecret).countBy({ name: 'ballot-key' })).toBe(0);
    } finally {
      await dataSource.destroy();
    }
  });

  it('takes the variable over the file, and refuses a file too short to be a secret', () => {
    const configured = 'c'.repeat(40);
    expect(findBallotSecret({ GONGZHI_BALLOT_SECRET: configured }, dir)).toEqual({ kind: 'environment', text: configured });
    writeFileSync(join(dir, BALLOT_SECRET_FILE), 'short', { mode: 0o644 });
    expect(() => findBallotSecret({}, dir)).toThrow(
      `${join(dir, BALLOT_SECRET_FILE)}: expected at least 32 characters of ballot secret, got 5`,
    );
    expect((statSync(join(dir, BALLOT_SECRET_FILE)).mode & 0o777).toString(8)).toBe('600');
  });
});

async function openDatabase(file: string): Promise<DataSource> {
  return platformDataSource({
    type: 'better-sqlite3',
    database: file,
    entities: [SecretBallot, BallotBoxSeal, ServiceSecret],
    synchronize: true,
  }).initialize();
}
