import { Client, type Pool } from 'pg';
import { quoteIdent } from './postgres-schema';

/** How long a lost listening connection waits before it connects again; the tails poll meanwhile. */
const RECONNECT_DELAY_MS = 1_000;
/** PostgreSQL's longest identifier (NAMEDATALEN - 1); pg_notify refuses a longer channel. */
const MAX_CHANNEL_LENGTH = 63;

/**
 * Appends announced across processes with LISTEN/NOTIFY, so a tail in another process (another replica's
 * relay) wakes when an event is written instead of at its next poll. The NOTIFY is its own small statement
 * after the append, never inside it: a transaction that notifies takes a cluster-wide lock held through its
 * commit (PreCommit_Notify in PostgreSQL's async.c), which would make every append wait on every other. And
 * it is coalesced: while one is on its way, the appends made meanwhile are announced by one more, not one each.
 * A notification can be lost (the listening connection drops, the server restarts); the tails' polling with
 * backoff still finds every event, only later.
 */
export class AppendNotifications {
  private readonly channel: string;
  private readonly listeners = new Set<() => void>();
  private announcing = false;
  private announceAgain = false;
  private listening?: Promise<void>;
  private client?: Client;
  private closed = false;

  constructor(
    private readonly connectionString: string,
    schema: string,
  ) {
    this.channel = `gongzhi_appended_${schema}`.slice(0, MAX_CHANNEL_LENGTH);
    quoteIdent(this.channel);
  }

  /** Tells the processes listening that this store has new events (fire and forget). */
  announce(pool: Pool): void {
    if (this.announcing) {
      this.announceAgain = true;
      return;
    }
    this.announcing = true;
    void (async () => {
      do {
        this.announceAgain = false;
        await pool.query('SELECT pg_notify($1, $2)', [this.channel, '']).catch(() => undefined);
      } while (this.announceAgain && !this.closed);
      this.announcing = false;
    })();
  }

  /** Calls `listener` on every announcement from any process; the first listener opens the listening connection. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    this.listening ??= this.listen().finally(() => (this.listening = undefined));
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) void this.client?.end().catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    await this.client?.end().catch(() => undefined);
    await this.listening;
  }

  private wakeAll = () => this.listeners.forEach((listener) => listener());

  private async listen(): Promise<void> {
    while (this.listeners.size > 0 && !this.closed) {
      const client = new Client({ connectionString: this.connectionString, connectionTimeoutMillis: 5_000 });
      const lost = new Promise<void>((resolve) => {
        client.on('error', () => resolve());
        client.once('end', () => resolve());
      });
      try {
        await client.connect();
        client.on('notification', this.wakeAll);
        await client.query(`LISTEN ${quoteIdent(this.channel)}`);
        this.client = client;
        // Appends made while nobody listened were announced to no one: look once now.
        this.wakeAll();
        // A close or the last unsubscribe while this was connecting found no client to end: end it here.
        if (!this.closed && this.listeners.size > 0) await lost;
      } catch {
        // Unreachable for now: the tails poll, and this tries again below.
      }
      this.client = undefined;
      await client.end().catch(() => undefined);
      if (this.listeners.size > 0 && !this.closed) await new Promise((resolve) => setTimeout(resolve, RECONNECT_DELAY_MS));
    }
  }
}
