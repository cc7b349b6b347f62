import { AsyncLocalStorage } from 'node:async_hooks';
import { EntityManager, type DataSource, type QueryRunner } from 'typeorm';

/**
 * Gives the callers of one SQLite data source turns at its connection, so that one caller's transaction holds only
 * that caller's statements.
 *
 * TypeORM's better-sqlite3 driver has a single query runner, and with it a single connection, that every caller of
 * the data source shares. A transaction that awaits between its statements (a policy whose command waits for the
 * event store's group commit on a later turn of the event loop) leaves that connection inside BEGIN … COMMIT while it
 * waits, and whatever another caller sends meanwhile ran inside it: an HTTP request's idempotency claim, a ballot,
 * another caller's `transaction` (which TypeORM makes a SAVEPOINT, the shared runner being in a transaction already).
 * Should the first transaction roll back, those writes went with it, although their callers had been told they were
 * stored; and a read made meanwhile saw rows that were never committed.
 *
 * So a transaction (and TypeORM's `save`, `remove`, `softRemove` and `recover`, which open one of their own) takes
 * the connection for a turn: transactions asked for together run one after the other, in the order they were asked
 * for. A single statement runs at once while nobody holds the connection, and otherwise waits for a turn of its own
 * after those already waiting. What the holder itself sends, however deep in its own calls, is recognised by the
 * async context it runs in and passes straight through: its BEGIN and COMMIT, its statements, and a transaction it
 * opens inside its own, which stays the SAVEPOINT TypeORM makes of it.
 *
 * A turn is held from the moment the work starts until it settles. Whatever the holder starts counts as the holder
 * while the turn lasts, even a callback it schedules and does not await; once the turn is over such work is a stranger
 * and waits like any other. A transaction begun by hand on the query runner (`startTransaction`) rather than through
 * `transaction` holds no turn: nothing in the platform does so on SQLite.
 */
export class SqliteTurns {
  /** The turn the current async context holds, if it holds one. */
  private readonly owned = new AsyncLocalStorage<number>();
  /** The turn that holds the connection now (or is about to start), if any. */
  private holder: number | undefined;
  /** The last turn handed out. */
  private turns = 0;
  /** Turns waiting, in the order they were asked for: each is called with its turn when the connection is its. */
  private readonly waiting: Array<(turn: number) => void> = [];
  /** Statements that started while the connection was free and have not finished: a turn starts after them. */
  private running = 0;
  private readonly leaveWith = <T>(value: T): T => {
    this.leave();
    return value;
  };
  private readonly leaveThrowing = (error: unknown): never => {
    this.leave();
    throw error;
  };

  /**
   * Runs `work` holding the connection: after every turn asked for before it, and while no statement of another
   * caller is under way. Inside a turn the current context already holds, runs it at once (a nested transaction).
   */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const holder = this.holder;
    if (holder !== undefined && this.owned.getStore() === holder) return work();
    if (holder === undefined && this.running === 0 && this.waiting.length === 0) return this.hold(++this.turns, work);
    return new Promise<number>((granted) => this.waiting.push(granted)).then((turn) => this.hold(turn, work));
  }

  /**
   * Runs one statement: at once if the current context holds the connection or nobody holds it and nobody waits for
   * it, otherwise in a turn of its own after those waiting.
   */
  statement<T>(work: () => Promise<T>): Promise<T> {
    const holder = this.holder;
    if (holder !== undefined) return this.owned.getStore() === holder ? work() : this.exclusive(work);
    if (this.waiting.length > 0) return this.exclusive(work);
    // A turn asked for while this statement is under way waits for it (the query runner awaits before it runs the SQL).
    this.running += 1;
    let pending: Promise<T>;
    try {
      pending = work();
    } catch (error) {
      this.leave();
      return Promise.reject(error as Error);
    }
    return pending.then(this.leaveWith, this.leaveThrowing);
  }

  /**
   * Whether a statement asked for now, in the current context, runs at once: for a caller that reads the connection
   * synchronously and needs no turn then.
   */
  runsAtOnce(): boolean {
    const holder = this.holder;
    return holder === undefined ? this.waiting.length === 0 : this.owned.getStore() === holder;
  }

  private hold<T>(turn: number, work: () => Promise<T>): Promise<T> {
    this.holder = turn;
    let result: Promise<T>;
    try {
      result = this.owned.run(turn, work);
    } catch (error) {
      this.release(turn);
      return Promise.reject(error as Error);
    }
    return result.then(
      (value) => {
        this.release(turn);
        return value;
      },
      (error: unknown) => {
        this.release(turn);
        throw error;
      },
    );
  }

  private release(turn: number): void {
    if (this.holder !== turn) return;
    this.holder = undefined;
    this.grant();
  }

  private leave(): void {
    this.running -= 1;
    if (this.running === 0) this.grant();
  }

  /** Hands the connection to the first turn waiting, if it is free; it is held from now on, before that turn starts. */
  private grant(): void {
    if (this.holder !== undefined || this.running > 0) return;
    const next = this.waiting.shift();
    if (!next) return;
    this.holder = ++this.turns;
    next(this.holder);
  }
}

const installed = new WeakMap<DataSource, SqliteTurns>();

/** The turns a better-sqlite3 data source gives its callers (see `SqliteTurns`), or undefined for any other. */
export function sqliteTurnsOf(dataSource: DataSource): SqliteTurns | undefined {
  return installed.get(dataSource);
}

/** EntityManager's methods that open a transaction, or open one of their own (`save` and the like) unless in one. */
const TRANSACTIONAL = ['transaction', 'save', 'remove', 'softRemove', 'recover'] as const;
type Transactional = (typeof TRANSACTIONAL)[number];
type Method = (this: unknown, ...args: unknown[]) => Promise<unknown>;
/** DataSource's methods that run a transaction on the runner itself, without the manager. */
const SCHEMA_WORK = ['synchronize', 'dropDatabase', 'runMigrations', 'undoLastMigration'] as const;

/**
 * Makes the callers of a better-sqlite3 data source take turns at its connection (see `SqliteTurns`): its managers'
 * transactions, its query runner's statements, and its schema work. Patches the data source, its manager and its
 * driver in place (this works before `initialize`); a second call changes nothing.
 */
export function takeTurns(dataSource: DataSource): SqliteTurns {
  const known = installed.get(dataSource);
  if (known) return known;
  const turns = new SqliteTurns();
  installed.set(dataSource, turns);

  // Shared by every manager, so that guarding the one TypeORM makes at each `createQueryRunner` (every `query` on the
  // data source) only sets five properties.
  const guards = Object.fromEntries(
    TRANSACTIONAL.map((name) => {
      const unguarded = EntityManager.prototype[name] as unknown as Method;
      const guard: Method = function (this: unknown, ...args: unknown[]) {
        return turns.exclusive(() => unguarded.apply(this, args));
      };
      return [name, guard];
    }),
  ) as Record<Transactional, Method>;
  const guardManager = <M extends EntityManager>(manager: M): M => {
    const target = manager as unknown as Record<Transactional, Method>;
    for (const name of TRANSACTIONAL) target[name] = guards[name];
    return manager;
  };
  guardManager(dataSource.manager);
  // `DataSource.transaction` hands its work to `this.manager.transaction`, guarded above.
  const createEntityManager = dataSource.createEntityManager;
  dataSource.createEntityManager = function (this: DataSource, queryRunner?: QueryRunner) {
    return guardManager(createEntityManager.call(this, queryRunner));
  };

  // The driver makes its one runner on first use, and again after the data source is closed and opened.
  const { driver } = dataSource;
  const createQueryRunner = driver.createQueryRunner;
  let guardedRunner: QueryRunner | undefined;
  driver.createQueryRunner = function (this: typeof driver, mode) {
    const runner = createQueryRunner.call(this, mode);
    if (runner !== guardedRunner) {
      const query = runner.query as Method;
      runner.query = function (this: QueryRunner, ...args: unknown[]) {
        return turns.statement(() => query.apply(this, args));
      } as QueryRunner['query'];
      guardedRunner = runner;
    }
    return runner;
  };

  const target = dataSource as unknown as Record<(typeof SCHEMA_WORK)[number], Method>;
  for (const name of SCHEMA_WORK) {
    const unguarded = target[name];
    target[name] = function (this: unknown, ...args: unknown[]) {
      return turns.exclusive(() => unguarded.apply(this, args));
    };
  }
  return turns;
}
