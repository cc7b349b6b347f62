import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DomainError, type Clock } from '@gongzhi/eventsourcing';
import { BallotBoxSeal, SecretBallot, ServiceSecret } from './ballot-box.entities';

export const BALLOT_SECRET_VARIABLE = 'GONGZHI_BALLOT_SECRET';
const MIN_SECRET_LENGTH = 32;

/**
 * The private ballot box. It lives in the service's own database, never in its event store, because the
 * relay publishes everything in the store. A voter's ballot is keyed by HMAC(secret, box, voter): the same
 * voter always lands on the same row (one ballot, changeable until the close), and without the secret a
 * row cannot be traced to a voter. Choices are also encrypted (AES-256-GCM, fresh IV), because a database's
 * own bookkeeping (PostgreSQL's xmin, SQLite's rowid) orders rows like the public BallotCast events of the
 * same moment: whoever lines those up still reads no choice without the secret. Choices leave the box only
 * as counts, when it is sealed.
 */
export class BallotBox {
  private readonly ballots: string;
  private readonly seals: string;
  private readonly postgres: boolean;

  constructor(
    private readonly dataSource: DataSource,
    private readonly secret: Buffer,
    private readonly clock: Clock,
  ) {
    this.ballots = dataSource.getMetadata(SecretBallot).tablePath;
    this.seals = dataSource.getMetadata(BallotBoxSeal).tablePath;
    this.postgres = dataSource.options.type === 'postgres';
  }

  /** Opens the box with the configured secret, or with one generated once and kept in the database. */
  static async open(dataSource: DataSource, clock: Clock, configured = process.env[BALLOT_SECRET_VARIABLE]): Promise<BallotBox> {
    if (configured !== undefined) {
      if (configured.trim().length < MIN_SECRET_LENGTH) {
        throw new Error(`${BALLOT_SECRET_VARIABLE}: expected at least ${MIN_SECRET_LENGTH} characters of secret, got ${configured.trim().length}`);
      }
      return new BallotBox(dataSource, Buffer.from(configured.trim()), clock);
    }
    const secrets = dataSource.getRepository(ServiceSecret);
    await secrets.createQueryBuilder().insert().values({ name: 'ballot-key', value: randomBytes(32).toString('hex') }).orIgnore().execute();
    const { value } = await secrets.findOneByOrFail({ name: 'ballot-key' });
    return new BallotBox(dataSource, Buffer.from(value, 'hex'), clock);
  }

  private ballotKey(boxId: string, voterId: string): string {
    return createHmac('sha256', this.secret).update(`ballot-key\u0000${boxId}\u0000${voterId}`).digest('hex');
  }

  private choiceKey(): Buffer {
    return createHmac('sha256', this.secret).update('ballot-choice').digest();
  }

  private encryptChoice(choice: readonly string[]): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.choiceKey(), iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(choice), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  private decryptChoice(sealed: string): string[] {
    const bytes = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.choiceKey(), bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return JSON.parse(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8'));
  }

  /** Puts (or replaces) the voter's ballot; refused with VOTING.CLOSED once the box is sealed. */
  async cast(boxId: string, voterId: string, choice: readonly string[], assisted = false): Promise<void> {
    const params = [boxId, this.ballotKey(boxId, voterId), this.encryptChoice(choice), assisted];
    if (this.postgres) {
      // Ballots hold the box's lock shared, sealing holds it exclusively: a ballot is either in the count
      // or refused, never committed just after the count.
      const written = await this.dataSource.transaction(async (m) => {
        await m.query('SELECT pg_advisory_xact_lock_shared(hashtext($1))', [`ballot-box:${boxId}`]);
        const sealed = await m.query(`SELECT 1 FROM ${this.seals} WHERE box_id = $1`, [boxId]);
        if (sealed.length > 0) return false;
        await m.query(
          `INSERT INTO ${this.ballots} (box_id, ballot_key, choice, assisted) VALUES ($1, $2, $3, $4)
           ON CONFLICT (box_id, ballot_key) DO UPDATE SET choice = EXCLUDED.choice, assisted = EXCLUDED.assisted`,
          params,
        );
        return true;
      });
      if (!written) throw closed();
      return;
    }
    // SQLite runs one statement at a time, so checking the seal inside the insert is atomic.
    const rows = await this.dataSource.query(
      `INSERT INTO ${this.ballots} (box_id, ballot_key, choice, assisted)
       SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM ${this.seals} WHERE box_id = ?)
       ON CONFLICT (box_id, ballot_key) DO UPDATE SET choice = excluded.choice, assisted = excluded.assisted RETURNING box_id`,
      [params[0], params[1], params[2], assisted ? 1 : 0, boxId],
    );
    if (!Array.isArray(rows) || rows.length === 0) throw closed();
  }

  /** Seals the box (idempotent) and counts each option: the only way choices ever leave it. */
  async sealAndCount(boxId: string): Promise<Record<string, number>> {
    const rows: { choice: string }[] = await this.dataSource.transaction(async (m) => {
      const sealedAt = this.clock.now().toISOString();
      if (this.postgres) {
        await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`ballot-box:${boxId}`]);
        await m.query(`INSERT INTO ${this.seals} (box_id, sealed_at) VALUES ($1, $2) ON CONFLICT (box_id) DO NOTHING`, [boxId, sealedAt]);
        return m.query(`SELECT choice FROM ${this.ballots} WHERE box_id = $1`, [boxId]);
      }
      await m.query(`INSERT INTO ${this.seals} (box_id, sealed_at) VALUES (?, ?) ON CONFLICT (box_id) DO NOTHING`, [boxId, sealedAt]);
      return m.query(`SELECT choice FROM ${this.ballots} WHERE box_id = ?`, [boxId]);
    });
    // Option ids are officers' words: without a prototype, `constructor` counts from zero like any other.
    const counts: Record<string, number> = Object.create(null);
    for (const { choice } of rows) {
      for (const option of this.decryptChoice(choice)) counts[option] = (counts[option] ?? 0) + 1;
    }
    return counts;
  }

  /**
   * Takes the voter's ballot out of the box before the close (an assisted ballot the resident withdraws).
   * False when there was none; refused with VOTING.CLOSED once the box is sealed.
   */
  async withdraw(boxId: string, voterId: string): Promise<boolean> {
    const key = this.ballotKey(boxId, voterId);
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
    const row = await this.dataSource.getRepository(SecretBallot).findOneBy({ boxId, ballotKey: this.ballotKey(boxId, voterId) });
    return row ? this.decryptChoice(row.choice) : null;
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

const closed = () => new DomainError('VOTING.CLOSED', 'the ballot box is sealed: voting has closed');

export const BALLOT_BOX = Symbol('BALLOT_BOX');
