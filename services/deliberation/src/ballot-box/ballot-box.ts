import { createHmac } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { PoolClient, QueryResult } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { DomainError, type Clock } from '@gongzhi/eventsourcing';
import { BallotBoxSeal, SecretBallot } from './ballot-box.entities';
import { settleBallotSecret, upgradeBallotBox } from './ballot-box-upgrade';
import { BallotSeal } from './ballot-seal';
import { findBallotSecret } from './ballot-secret';
import { GroupCommit } from '../application/group-commit';

interface SealedBallot {
  readonly boxId: string;
  readonly key: string;
  readonly choice: string;
  readonly assisted: boolean;
  /** The caller makes it durable: a commit to the same write-ahead log follows (see `cast`). */
  readonly flushLater: boolean;
}

/** What `BallotBox.cast` may be told besides the ballot. */
export interface CastOptions {
  /**
   * PostgreSQL: the caller will commit to the same write-ahead log right after this ballot is in (see
   * `writeAheadLog`), so the box need not wait for its own flush to disk: that later commit's flush covers it,
   * since a log is flushed in order. If the caller ends up committing nothing, it calls `flush` before it answers.
   */
  readonly flushLater?: boolean;
}

/** Refusals that say a role may not read which log it writes to (no privilege, or no such function): null, not an error. */
const MAY_NOT_READ_THE_LOG = new Set(['42501', '42883']);

/** Same statement as the PostgreSQL event store's: the cluster's identifier and its server's start. */
const WRITE_AHEAD_LOG = `SELECT system_identifier::text || '@' || pg_postmaster_start_time()::text AS log FROM pg_control_system()`;

export { BALLOT_SECRET_VARIABLE } from './ballot-secret';

/**
 * The private ballot box. It lives in the service's own database, never in its event store, because the
 * relay publishes everything in the store. A voter's ballot is keyed by HMAC(secret, box, voter): the same
 * voter always lands on the same row (one ballot, changeable until the close, replaced in place), and
 * without the secret a row cannot be traced to a voter. On SQLite the rows are ordered by that key, not by
 * arrival. Choices are padded to one length and encrypted (BallotSeal), because a database's own bookkeeping
 * (PostgreSQL's xmin and heap order, SQLite's page allocation) can still line rows up with the public
 * BallotCast events of the same moment: whoever does so reads no choice, and no length, without the secret.
 * The secret itself is never in a database (see ballot-secret.ts). Choices leave the box only as counts,
 * when it is sealed, and to the voter alone.
 */
export class BallotBox {
  private readonly ballots: string;
  private readonly seals: string;
  private readonly postgres: boolean;
  private readonly sealer: BallotSeal;
  /** Whether a ballot was put in or taken out since the file was last compacted. */
  private written = false;
  /** PostgreSQL: the ballots cast meanwhile go in together, one transaction per batch (see castBatch). */
  private readonly batches = new GroupCommit<SealedBallot, boolean>((ballots) => this.castBatch(ballots));

  constructor(
    private readonly dataSource: DataSource,
    private readonly secret: Buffer,
    private readonly clock: Clock,
  ) {
    this.ballots = dataSource.getMetadata(SecretBallot).tablePath;
    this.seals = dataSource.getMetadata(BallotBoxSeal).tablePath;
    this.postgres = dataSource.options.type === 'postgres';
    this.sealer = new BallotSeal(secret);
  }

  /**
   * Opens the box of a running service: the secret from GONGZHI_BALLOT_SECRET or the data folder's
   * `ballot-secret` (a key an older version kept in the database moved out first), the box upgraded.
   */
  static async forService(
    dataSource: DataSource,
    clock: Clock,
    { env, dataDir }: { env: Readonly<Record<string, string | undefined>>; dataDir?: string },
  ): Promise<BallotBox> {
    const source = findBallotSecret(env, dataDir);
    return BallotBox.open(dataSource, clock, await settleBallotSecret(dataSource, source));
  }

  /** Opens the box with this secret (never stored in the database). */
  static async open(dataSource: DataSource, clock: Clock, secret: Buffer): Promise<BallotBox> {
    if (dataSource.options.type === 'better-sqlite3') {
      // A replaced or withdrawn ballot leaves zeros, not its old bytes, in the file's free space.
      await dataSource.query('PRAGMA secure_delete = ON');
    }
    const box = new BallotBox(dataSource, secret, clock);
    await upgradeBallotBox(dataSource, box.sealer);
    // Defence in depth: the choices are sealed either way, so a busy file only delays its compaction.
    await box
      .compact()
      .catch((error: Error) => new Logger('deliberation').warn(`the ballot box was not compacted at start: ${error.message}`));
    return box;
  }

  /**
   * Rewrites the SQLite file so the box's pages lie in the order of the keyed hash. SQLite gives a new
   * row's overflow pages the next free page numbers, so between compactions the file still shows the order
   * in which ballots arrived (opaque, fixed-length rows, but an order a file holder could match with the
   * roll); the service compacts at start and at shutdown, so a file at rest shows none. No-op on PostgreSQL.
   */
  async compact(): Promise<void> {
    if (this.postgres || this.dataSource.options.type !== 'better-sqlite3') return;
    this.written = false;
    await this.dataSource.query('VACUUM');
  }

  /** Compacts at shutdown when ballots were written since the last compaction. */
  async compactIfWritten(): Promise<void> {
    if (this.written) await this.compact();
  }

  /** A request's fingerprint under the ballot secret: a copy of the database cannot guess a choice from it. */
  sealFingerprint(fingerprint: string): string {
    return createHmac('sha256', this.secret).update(`idempotency\u0000${fingerprint}`).digest('hex');
  }

  /**
   * 联署: the mark an anonymous proposer leaves on their topic, so they cannot co-sign it themselves; under the ballot
   * secret, so the public event names nobody and a copy of the databases cannot try residents against it.
   */
  anonymousProposerMark(topicId: string, residentId: string): string {
    return createHmac('sha256', this.secret).update(`anonymous-proposer\u0000${topicId}\u0000${residentId}`).digest('hex');
  }

  private ballotKey(boxId: string, voterId: string): string {
    return createHmac('sha256', this.secret).update(`ballot-key\u0000${boxId}\u0000${voterId}`).digest('hex');
  }

  /** Puts (or replaces) the voter's ballot; refused with VOTING.CLOSED once the box is sealed. */
  async cast(boxId: string, voterId: string, choice: readonly string[], assisted = false, options: CastOptions = {}): Promise<void> {
    const key = this.ballotKey(boxId, voterId);
    const sealed = this.sealer.seal(boxId, key, choice);
    this.written = true;
    if (this.postgres) {
      if (!(await this.batches.submit({ boxId, key, choice: sealed, assisted, flushLater: options.flushLater === true }))) throw closed();
      return;
    }
    // SQLite runs one statement at a time, so checking the seal inside the insert is atomic.
    const rows = await this.dataSource.query(
      `INSERT INTO ${this.ballots} (box_id, ballot_key, choice, assisted)
       SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM ${this.seals} WHERE box_id = ?)
       ON CONFLICT (box_id, ballot_key) DO UPDATE SET choice = excluded.choice, assisted = excluded.assisted RETURNING box_id`,
      [boxId, key, sealed, assisted ? 1 : 0, boxId],
    );
    if (!Array.isArray(rows) || rows.length === 0) throw closed();
  }

  /**
   * The write-ahead log the box commits to (see `writeAheadLog` in @gongzhi/eventsourcing): on PostgreSQL the
   * server's, null elsewhere or when the role may not read it; an error when the database cannot be asked now.
   */
  async writeAheadLog(): Promise<string | null> {
    if (!this.postgres) return null;
    try {
      const rows: { log: string }[] = await this.dataSource.query(WRITE_AHEAD_LOG);
      return rows[0]?.log ?? null;
    } catch (error) {
      if (MAY_NOT_READ_THE_LOG.has((error as { code?: string }).code ?? '')) return null;
      throw error; // the database away: ask again later
    }
  }

  /**
   * Makes every ballot this process put in the box so far durable: a commit that writes to the log and waits for
   * its flush (a transactional message of no content, which no table keeps). For a ballot cast with `flushLater`
   * whose caller, after all, committed nothing to the log.
   */
  async flush(): Promise<void> {
    if (this.postgres) await this.dataSource.query(`SELECT pg_logical_emit_message(true, 'gongzhi-ballot-box', '')`);
  }

  /**
   * One transaction for the ballots of a batch, each answered: true when it is in the box, false when its box
   * was sealed. Ballots hold their boxes' locks shared and sealing holds one exclusively, so a ballot is either
   * in the count or refused, never committed just after the count; the seals are read in the statement after
   * the locks, so a seal committed while this batch waited is seen. A voter twice in one batch keeps the later
   * choice, as if the two had come one after the other. Rows go in key order, so two replicas' batches never
   * deadlock on each other's rows.
   *
   * The whole transaction is one round trip: the statements go together in one simple-protocol message, which
   * PostgreSQL runs as one implicit transaction with a fresh snapshot for each statement (what the insert after
   * the locks needs). That protocol takes no parameters, so the values go in as quoted literals; every one of
   * them is made here (a box id, a keyed hash, a sealed choice), none is a person's text.
   *
   * When every ballot of the batch is cast `flushLater`, the commit does not wait for the disk
   * (synchronous_commit off for this transaction alone): its callers' commits that follow flush it.
   */
  private async castBatch(ballots: readonly SealedBallot[]): Promise<boolean[]> {
    const latest = new Map<string, SealedBallot>();
    for (const ballot of ballots) latest.set(`${ballot.boxId}\u0000${ballot.key}`, ballot);
    const rows = [...latest.values()].sort((a, b) => compare(a.boxId, b.boxId) || compare(a.key, b.key));
    const boxes = [...new Set(rows.map((r) => r.boxId))];
    const [client, release] = (await (this.dataSource.driver as PostgresDriver).obtainMasterConnection()) as [
      PoolClient,
      (error?: Error) => void,
    ];
    let results: QueryResult<{ box_id: string }>[];
    try {
      // pg's escaping walks each string a character at a time. A box id is checked; keys (hex digests) and sealed
      // choices (base64) are written here in alphabets without a quote or a backslash, so they go in as they are.
      const quote = (value: string) => (/['\\]/.test(value) ? client.escapeLiteral(value) : `'${value}'`);
      const locks = boxes.map((boxId) => `SELECT pg_advisory_xact_lock_shared(hashtext(${quote(`ballot-box:${boxId}`)}));`);
      const values = rows.map((r) => `(${quote(r.boxId)}, '${r.key}', '${r.choice}', ${r.assisted ? 'true' : 'false'})`);
      const lazy = ballots.every((ballot) => ballot.flushLater) ? 'SET LOCAL synchronous_commit = off;\n' : '';
      results = (await client.query(
        `${lazy}${locks.join('\n')}
         INSERT INTO ${this.ballots} (box_id, ballot_key, choice, assisted)
         SELECT b.box_id, b.ballot_key, b.choice, b.assisted
           FROM (VALUES ${values.join(', ')}) AS b(box_id, ballot_key, choice, assisted)
          WHERE NOT EXISTS (SELECT 1 FROM ${this.seals} s WHERE s.box_id = b.box_id)
         ON CONFLICT (box_id, ballot_key) DO UPDATE SET choice = EXCLUDED.choice, assisted = EXCLUDED.assisted
         RETURNING box_id`,
      )) as unknown as QueryResult<{ box_id: string }>[];
      release();
    } catch (error) {
      release(error as Error); // a connection that failed mid-batch is closed, not handed out again
      throw error;
    }
    // Every ballot of an open box was written, so a box with no row back was sealed.
    const written = new Set(results[results.length - 1].rows.map((row) => row.box_id));
    return ballots.map((ballot) => written.has(ballot.boxId));
  }

  /** Seals the box (idempotent) and counts each option: the only way choices ever leave it. */
  async sealAndCount(boxId: string): Promise<Record<string, number>> {
    // Option ids are officers' words: without a prototype, `constructor` counts from zero like any other.
    const counts: Record<string, number> = Object.create(null);
    for (const { choice } of await this.sealAndOpen(boxId)) {
      for (const option of choice) counts[option] = (counts[option] ?? 0) + 1;
    }
    return counts;
  }

  /**
   * Seals the box and counts each option twice: ballots, and the sum of their voters' weights (a home's floor
   * area). The weights name every voter of the roll; their keys are recomputed under the secret here, so the
   * weighted count needs no voter in the box. A ballot of a voter off the roll stops the count rather than vanish.
   */
  async sealAndCountWeighted(
    boxId: string,
    weights: ReadonlyMap<string, number>,
  ): Promise<Record<string, { ballots: number; weight: number }>> {
    const weightOfKey = new Map([...weights].map(([voterId, weight]) => [this.ballotKey(boxId, voterId), weight]));
    const counts: Record<string, { ballots: number; weight: number }> = Object.create(null);
    for (const { ballotKey, choice } of await this.sealAndOpen(boxId)) {
      const weight = weightOfKey.get(ballotKey);
      if (weight === undefined)
        throw new Error(`the ballot box ${boxId} holds a ballot of a voter who is not on its roll: not counting it`);
      for (const option of choice) {
        const count = (counts[option] ??= { ballots: 0, weight: 0 });
        count.ballots += 1;
        count.weight += weight;
      }
    }
    return counts;
  }

  private async sealAndOpen(boxId: string): Promise<{ ballotKey: string; choice: string[] }[]> {
    const rows: { ballot_key: string; choice: string }[] = await this.dataSource.transaction(async (m) => {
      const sealedAt = this.clock.now().toISOString();
      if (this.postgres) {
        await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`ballot-box:${boxId}`]);
        await m.query(`INSERT INTO ${this.seals} (box_id, sealed_at) VALUES ($1, $2) ON CONFLICT (box_id) DO NOTHING`, [boxId, sealedAt]);
        return m.query(`SELECT ballot_key, choice FROM ${this.ballots} WHERE box_id = $1`, [boxId]);
      }
      await m.query(`INSERT INTO ${this.seals} (box_id, sealed_at) VALUES (?, ?) ON CONFLICT (box_id) DO NOTHING`, [boxId, sealedAt]);
      return m.query(`SELECT ballot_key, choice FROM ${this.ballots} WHERE box_id = ?`, [boxId]);
    });
    return rows.map(({ ballot_key, choice }) => ({ ballotKey: ballot_key, choice: this.sealer.open(boxId, ballot_key, choice) }));
  }

  /**
   * Takes the voter's ballot out of the box before the close (an assisted ballot the resident withdraws).
   * False when there was none; refused with VOTING.CLOSED once the box is sealed.
   */
  async withdraw(boxId: string, voterId: string): Promise<boolean> {
    const key = this.ballotKey(boxId, voterId);
    this.written = true;
    if (this.postgres) {
      const outcome = await this.dataSource.transaction(async (m) => {
        await m.query('SELECT pg_advisory_xact_lock_shared(hashtext($1))', [`ballot-box:${boxId}`]);
        const sealed = await m.query(`SELECT 1 FROM ${this.seals} WHERE box_id = $1`, [boxId]);
        if (sealed.length > 0) return 'sealed' as const;
        const deleted = await m.query(`DELETE FROM ${this.ballots} WHERE box_id = $1 AND ballot_key = $2 RETURNING box_id`, [boxId, key]);
        return (deleted[0]?.length ?? deleted.length) > 0;
      });
      if (outcome === 'sealed') throw closed();
      return outcome;
    }
    const rows = await this.dataSource.query(`SELECT 1 FROM ${this.seals} WHERE box_id = ?`, [boxId]);
    if (rows.length > 0) throw closed();
    const deleted = await this.dataSource.query(
      `DELETE FROM ${this.ballots} WHERE box_id = ? AND ballot_key = ? AND NOT EXISTS (SELECT 1 FROM ${this.seals} WHERE box_id = ?) RETURNING box_id`,
      [boxId, key, boxId],
    );
    return Array.isArray(deleted) && deleted.length > 0;
  }

  /** The voter's own choice, for the voter alone (a resident checking what staff recorded for them). */
  async choiceOf(boxId: string, voterId: string): Promise<string[] | null> {
    const ballotKey = this.ballotKey(boxId, voterId);
    const row = await this.dataSource.getRepository(SecretBallot).findOneBy({ boxId, ballotKey });
    return row ? this.sealer.open(boxId, ballotKey, row.choice) : null;
  }

  /** Whether the voter's ballot in the box is one staff recorded for them; null without a ballot. */
  async isAssisted(boxId: string, voterId: string): Promise<boolean | null> {
    const row = await this.dataSource.getRepository(SecretBallot).findOneBy({ boxId, ballotKey: this.ballotKey(boxId, voterId) });
    return row ? Boolean(row.assisted) : null;
  }

  /** How many ballots in the box staff recorded for residents: a count only, never per option. */
  async assistedCount(boxId: string): Promise<number> {
    return this.dataSource.getRepository(SecretBallot).countBy({ boxId, assisted: true });
  }

  async ballotCount(boxId: string): Promise<number> {
    return this.dataSource.getRepository(SecretBallot).countBy({ boxId });
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const closed = () => new DomainError('VOTING.CLOSED', 'the ballot box is sealed: voting has closed');

export const BALLOT_BOX = Symbol('BALLOT_BOX');
