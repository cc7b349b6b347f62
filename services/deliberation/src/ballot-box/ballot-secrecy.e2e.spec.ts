import { createHmac, randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { ManualClock } from '@gongzhi/eventsourcing';
import { DEMO_ACCOUNTS, type Role } from '@gongzhi/identity';
import type { DurableScheduler } from '@gongzhi/runtime';
import { startTestApp, type TestApp } from '@gongzhi/testing';
import { deliberationService, VOTING_SCHEDULER } from '../index';
import { ballotSecretBytes, BALLOT_SECRET_FILE } from './ballot-secret';

/**
 * The file holder: someone with a copy of every file of the data folder except the secrets (a stolen
 * backup, a disk image, a curious operator) and the public API's results. Two real embedded runs cast the
 * same public totals, but every voter's choice differs between them, and one voter changes their vote.
 * Whatever the attacker reads from the files in one run they must read in the other; since each voter's
 * true choice differs, no reading of the files links a voter to a choice better than chance.
 */
const API = '/api/deliberation/topics';
const VOTERS = 6;
const START = new Date('2026-11-26T01:00:00.000Z');

/** Run A and run B: the same totals (2 yes, 2 no, 2 abstain), each voter's choice rotated. */
const FINAL_A = ['yes', 'no', 'abstain', 'yes', 'no', 'abstain'];
const FINAL_B = ['no', 'abstain', 'yes', 'no', 'abstain', 'yes'];
/** Voter 0 first chose this, then changed to their final choice after everyone else had voted. */
const FIRST_A = 'abstain';
const FIRST_B = 'yes';

interface RunResult {
  readonly attackerView: AttackerView;
  readonly voters: readonly string[];
  readonly tally: Record<string, number>;
  readonly ballotsCast: number;
}

interface AttackerView {
  /** The public roll as the files hold it: how many voters, at how many distinct times. */
  readonly roll: { readonly voters: number; readonly distinctTimes: number };
  /**
   * The box rows (by their index in the table's order) sorted by where their bytes lie in the file: SQLite
   * gives a new row the next free pages, so an uncompacted file shows the order in which ballots arrived.
   */
  readonly physicalOrder: readonly number[];
  /** For each voter on the public roll, in roll order: what the files say about the box row in the same physical position. */
  readonly rowByRollPosition: readonly { length: number; assisted: unknown }[];
  /** What the files say about each row of the box, grouped by ciphertext length. */
  readonly lengths: readonly number[];
  readonly boxColumns: readonly string[];
  readonly boxHasRowid: boolean;
  readonly boxColumnsHoldingTimes: readonly string[];
  readonly choicesInClear: number;
  readonly secretInAnyFile: boolean;
  readonly ballotKeyInAnyTable: boolean;
}

describe('a secret ballot, attacked with every database file but not the ballot secret', () => {
  const folders: string[] = [];
  afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  async function run(finals: readonly string[], first: string): Promise<RunResult & { dataDir: string; secretText: string }> {
    const dataDir = mkdtempSync(join(tmpdir(), 'gongzhi-secrecy-'));
    folders.push(dataDir);
    const clock = new ManualClock(START);
    let app: TestApp = await startTestApp([deliberationService], { dataDir, clock });
    const officer = await app.tokenFor('community_officer');
    const proposer = await app.tokenFor('resident');

    const voters: string[] = [];
    const tokens: string[] = [];
    for (let n = 0; n < VOTERS; n++) {
      const username = `voter-${randomUUID().slice(0, 8)}`;
      const registered = await app.request('POST', '/api/auth/register', {
        body: {
          username,
          password: 'a-long-enough-password',
          displayName: `居民${n}`,
          communityId: 'community-hexie',
          gridId: 'grid-hexie-01',
        },
      });
      expect(registered.status).toBe(201);
      expect((await app.request('POST', `/api/auth/accounts/${registered.body.id}/verify`, { token: officer })).status).toBe(200);
      voters.push(registered.body.id);
      tokens.push(await app.login(username, 'a-long-enough-password'));
    }

    const proposed = await app.request('POST', API, {
      token: proposer,
      body: { title: '3号楼加装电梯', description: '老人上下楼难', anonymous: false },
    });
    const { topicId } = proposed.body;
    const post = async (path: string, body: unknown) => {
      const answer = await app.request('POST', `${API}/${topicId}${path}`, { token: officer, body });
      expect({ path, status: answer.status, code: answer.body?.code }).toEqual({ path, status: 200, code: undefined });
    };
    await post('/screening', { outcome: 'accepted' });
    await post('/consultation', { draftPlan: null });
    await post('/discussion', { meetingAt: null });
    await post('/voting', {
      closesAt: new Date(START.getTime() + 3 * 864e5).toISOString(),
      options: { kind: 'yes_no_abstain' },
      eligibility: { scope: 'community', scopeId: 'community-hexie' },
      quorumPercent: 50,
      passThresholdPercent: 50,
    });

    // A minute between ballots, so the public roll carries distinct times a timing attack could match.
    const cast = async (voter: number, optionId: string) => {
      clock.advance({ minutes: 1 });
      const response = await app.request('PUT', `${API}/${topicId}/ballot`, { token: tokens[voter], body: { optionId } });
      expect(response.status).toBe(200);
    };
    await cast(0, first);
    for (let voter = 1; voter < VOTERS; voter++) await cast(voter, finals[voter]);
    await cast(0, finals[0]);

    expect(modesOfDataFiles(dataDir)).toEqual(Object.fromEntries(Object.keys(modesOfDataFiles(dataDir)).map((file) => [file, '600'])));
    await app.close();

    const secretText = readFileSync(join(dataDir, BALLOT_SECRET_FILE), 'utf8');
    const attackerView = attack(copyWithoutSecrets(dataDir), secretText);

    // The same folder again: the secret file opens the box it sealed, and the count is exact.
    app = await startTestApp([deliberationService], { dataDir, clock });
    clock.advance({ days: 3 });
    const scheduler = app.app.get<DurableScheduler>(VOTING_SCHEDULER, { strict: false });
    await scheduler.fireDue();
    expect(await scheduler.pending()).toEqual([]);
    const closed = await app.request('GET', `${API}/${topicId}`, { token: await loginAs(app, 'resident') });
    await app.close();
    expect(readFileSync(join(dataDir, BALLOT_SECRET_FILE), 'utf8')).toBe(secretText);
    const tally = Object.fromEntries((closed.body.result.tally as { optionId: string; votes: number }[]).map((t) => [t.optionId, t.votes]));
    return { attackerView, voters, tally, ballotsCast: closed.body.result.ballotsCast, dataDir, secretText };
  }

  let a: Awaited<ReturnType<typeof run>>;
  let b: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    a = await run(FINAL_A, FIRST_A);
    b = await run(FINAL_B, FIRST_B);
  });

  it('counts every resident once with their latest choice, across a restart on the secret file', () => {
    expect([a.tally, a.ballotsCast]).toEqual([{ yes: 2, no: 2, abstain: 2 }, VOTERS]);
    expect([b.tally, b.ballotsCast]).toEqual([{ yes: 2, no: 2, abstain: 2 }, VOTERS]);
  });

  it('gives the file holder the same view whichever way each voter voted: no choice can be linked to a voter', () => {
    for (let voter = 0; voter < VOTERS; voter++) expect(FINAL_A[voter]).not.toBe(FINAL_B[voter]);
    expect(FIRST_A).not.toBe(FIRST_B);
    expect(a.attackerView).toEqual(b.attackerView);
  });

  it('finds no length, order or time in the box that tells one choice from another', () => {
    for (const view of [a.attackerView, b.attackerView]) {
      // The roll gives the attacker a time per voter to match (the changed vote added no entry).
      expect(view.roll).toEqual({ voters: VOTERS, distinctTimes: VOTERS });
      // Length: 'yes', 'no' and 'abstain' seal to one length, so grouping rows by length finds one group.
      expect(new Set(view.lengths).size).toBe(1);
      expect(view.lengths).toHaveLength(VOTERS);
      // Order: no rowid to sort by; pairing the roll with the box position by position yields identical rows.
      expect(view.boxHasRowid).toBe(false);
      expect(view.physicalOrder).toEqual([...Array(VOTERS).keys()]);
      expect(new Set(view.rowByRollPosition.map((row) => JSON.stringify(row))).size).toBe(1);
      // Timing: nothing in the box is a time to match with the roll's.
      expect(view.boxColumnsHoldingTimes).toEqual([]);
      expect(view.boxColumns).toEqual(['assisted', 'ballot_key', 'box_id', 'choice']);
      // Nothing else in any file holds a choice in the clear, the secret, or a ballot key.
      expect([view.choicesInClear, view.secretInAnyFile, view.ballotKeyInAnyTable]).toEqual([0, false, false]);
    }
  });

  it('keeps the ballot secret in its own file beside the data, readable by the service alone', () => {
    for (const { dataDir } of [a, b]) {
      expect(mode(join(dataDir, BALLOT_SECRET_FILE))).toBe('600');
      expect(modesOfDataFiles(dataDir)).toEqual({
        'deliberation/events.sqlite': '600',
        'deliberation/read.sqlite': '600',
        'identity.sqlite': '600',
      });
    }
  });
  it('keeps the box in the order of the keyed hash, not of arrival (checked with the secret the attacker lacks)', () => {
    const arrivals: string[][] = [];
    for (const { dataDir, secretText, voters } of [a, b]) {
      const db = new Database(join(dataDir, 'deliberation', 'read.sqlite'), { readonly: true, fileMustExist: true });
      try {
        const [{ box_id: boxId }] = db.prepare('SELECT box_id FROM deliberation_ballots LIMIT 1').all() as { box_id: string }[];
        const physical = (db.prepare('SELECT ballot_key FROM deliberation_ballots').all() as { ballot_key: string }[]).map(
          (r) => r.ballot_key,
        );
        const keyOf = (voter: string) =>
          createHmac('sha256', ballotSecretBytes(secretText)).update(`ballot-key\u0000${boxId}\u0000${voter}`).digest('hex');
        const arrival = voters.map(keyOf);
        expect([...physical].sort()).toEqual([...arrival].sort());
        expect(physical).toEqual([...arrival].sort());
        arrivals.push(arrival);
      } finally {
        db.close();
      }
    }
    // Arrival and key order coincide in both runs with odds of 1 in 518,400: the check above was a real one.
    expect(arrivals.every((arrival) => arrival.join() === [...arrival].sort().join())).toBe(false);
  });
});

async function loginAs(app: TestApp, role: Role): Promise<string> {
  const account = DEMO_ACCOUNTS.find((d) => d.role === role)!;
  return app.login(account.username, account.password);
}

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Every SQLite file (and its -wal/-shm) under the data folder, with its mode. */
function modesOfDataFiles(dataDir: string): Record<string, string> {
  return Object.fromEntries(
    filesUnder(dataDir)
      .filter((file) => /\.sqlite(-wal|-shm)?$/.test(file))
      .map((file) => [relative(dataDir, file), mode(file)]),
  );
}

/** Where a row's ciphertext lies in the raw file: a few probes, since a page boundary may split one. */
function offsetInFile(file: Buffer, choice: string): number {
  for (const end of [choice.length, choice.length - 100, choice.length - 200]) {
    const offset = file.indexOf(Buffer.from(choice.slice(end - 40, end)));
    if (offset >= 0) return offset;
  }
  throw new Error('a ballot row whose ciphertext is nowhere in the file');
}

/** What a file holder has: every file of the data folder but the secrets. */
function copyWithoutSecrets(dataDir: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'gongzhi-stolen-'));
  cpSync(dataDir, copy, { recursive: true, filter: (source) => !/(auth|ballot)-secret$/.test(source) });
  return copy;
}

/**
 * The attacks a file holder can run: the roll (BallotCast, in global order, with its times) from the event
 * store; the box from the service's database, by position, by length, by any time column; and a search of
 * every byte of every file for a choice in the clear. `secretText` is used only to check that it is absent.
 */
function attack(stolen: string, secretText: string): AttackerView {
  try {
    const events = new Database(join(stolen, 'deliberation', 'events.sqlite'), { readonly: true, fileMustExist: true });
    const rollEvents = events.prepare("SELECT data, recorded_at FROM events WHERE type = 'BallotCast' ORDER BY global_position").all() as {
      data: string;
      recorded_at: string;
    }[];
    const roll = rollEvents.map((e) => JSON.parse(e.data).voterId as string);
    events.close();

    const read = new Database(join(stolen, 'deliberation', 'read.sqlite'), { readonly: true, fileMustExist: true });
    const boxColumns = (read.prepare('PRAGMA table_info(deliberation_ballots)').all() as { name: string }[]).map((c) => c.name).sort();
    let boxHasRowid = true;
    try {
      read.prepare('SELECT rowid FROM deliberation_ballots').all();
    } catch {
      boxHasRowid = false;
    }
    const box = read.prepare('SELECT * FROM deliberation_ballots').all() as Record<string, unknown>[];
    const file = readFileSync(join(stolen, 'deliberation', 'read.sqlite'));
    const physicalOrder = box
      .map((row, index) => ({ index, offset: offsetInFile(file, String(row.choice)) }))
      .sort((x, y) => x.offset - y.offset)
      .map(({ index }) => index);
    const boxColumnsHoldingTimes = boxColumns.filter((column) =>
      box.some((row) => typeof row[column] === 'string' && /^\d{4}-\d\d-\d\dT/.test(row[column] as string)),
    );
    const tables = (read.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    const ballotKeyInAnyTable =
      tables.includes('deliberation_secrets') &&
      read.prepare("SELECT 1 FROM deliberation_secrets WHERE name = 'ballot-key'").all().length > 0;
    read.close();

    const bytes = filesUnder(stolen).map((file) => readFileSync(file));
    const choicesInClear = bytes.reduce(
      (sum, content) => sum + ['["yes"]', '["no"]', '["abstain"]'].filter((c) => content.includes(c)).length,
      0,
    );
    return {
      roll: { voters: roll.length, distinctTimes: new Set(rollEvents.map((e) => e.recorded_at)).size },
      physicalOrder,
      rowByRollPosition: roll.map((_, position) => {
        const row = box[physicalOrder[position]];
        return { length: String(row.choice).length, assisted: row.assisted };
      }),
      lengths: box.map((row) => String(row.choice).length),
      boxColumns,
      boxHasRowid,
      boxColumnsHoldingTimes,
      choicesInClear,
      secretInAnyFile: bytes.some((content) => content.includes(secretText)),
      ballotKeyInAnyTable,
    };
  } finally {
    rmSync(stolen, { recursive: true, force: true });
  }
}
