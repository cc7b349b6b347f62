import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { openDataSource, type PlatformDataSource } from './open-data-source';
import { selectTuples } from './plain-rows';
import { sqliteTurnsOf } from './sqlite-turns';

@Entity('turn_marks')
class Mark {
  @PrimaryColumn('varchar', { length: 40 }) id!: string;
  @Column('varchar', { length: 40 }) writer!: string;
}

/** Lets every callback already queued run, a few times over: what others started has gone as far as it can. */
async function eventLoopTurns(count = 5): Promise<void> {
  for (let i = 0; i < count; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

const dir = mkdtempSync(join(tmpdir(), 'gongzhi-sqlite-turns-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('callers of one SQLite data source', () => {
  let dataSource: PlatformDataSource;
  beforeAll(async () => {
    dataSource = await openDataSource({ type: 'better-sqlite3', database: join(dir, 'turns.sqlite'), entities: [Mark], synchronize: true });
  });
  afterAll(() => dataSource.destroy());
  beforeEach(() => dataSource.query('DELETE FROM turn_marks'));

  const insert = (id: string, writer = 'stranger') => dataSource.query('INSERT INTO turn_marks (id, writer) VALUES (?, ?)', [id, writer]);
  const storedIds = async () =>
    ((await dataSource.query('SELECT id FROM turn_marks ORDER BY id')) as Array<{ id: string }>).map((row) => row.id);

  /**
   * The attacker: a transaction that writes a row, then waits for the test to let it go (as a policy waits for the
   * event store's group commit), then fails and rolls back.
   */
  async function openAttacker(id = 'attacker') {
    let letGo!: () => void;
    const held = new Promise<void>((resolve) => (letGo = resolve));
    let wrote!: () => void;
    const written = new Promise<void>((resolve) => (wrote = resolve));
    const outcome = dataSource.transaction(async (manager) => {
      await manager.query('INSERT INTO turn_marks (id, writer) VALUES (?, ?)', [id, 'attacker']);
      wrote();
      await held;
      throw new Error('the attacker rolls back');
    });
    const rolledBack = expect(outcome).rejects.toThrow('the attacker rolls back');
    await written;
    return {
      /** Lets the attacker fail and waits for its rollback. */
      async rollBack() {
        letGo();
        await rolledBack;
      },
    };
  }

  it('keeps a plain statement, a repository save and a query-builder insert made while another transaction waits, though it rolls back', async () => {
    const attacker = await openAttacker();

    const writes = Promise.all([
      insert('raw'),
      dataSource.getRepository(Mark).save({ id: 'saved', writer: 'stranger' }),
      dataSource.createQueryBuilder().insert().into(Mark).values({ id: 'built', writer: 'stranger' }).execute(),
      dataSource.manager.insert(Mark, { id: 'managed', writer: 'stranger' }),
    ]);
    await eventLoopTurns();
    await attacker.rollBack();
    await writes;

    expect(await storedIds()).toEqual(['built', 'managed', 'raw', 'saved']);
  });

  it('commits a stranger’s transaction started while another waits on its own, so the other’s rollback leaves it', async () => {
    const attacker = await openAttacker();

    const stranger = dataSource.transaction(async (manager) => {
      await manager.query('INSERT INTO turn_marks (id, writer) VALUES (?, ?)', ['stranger-1', 'stranger']);
      await manager.getRepository(Mark).save({ id: 'stranger-2', writer: 'stranger' });
      return 'committed';
    });
    await eventLoopTurns();
    await attacker.rollBack();

    await expect(stranger).resolves.toBe('committed');
    expect(await storedIds()).toEqual(['stranger-1', 'stranger-2']);
  });

  it('shows a read made while another transaction waits none of that transaction’s uncommitted rows', async () => {
    await insert('committed-before', 'earlier');
    const attacker = await openAttacker('uncommitted');

    const reads = Promise.all([
      storedIds(),
      dataSource.getRepository(Mark).find({ order: { id: 'ASC' } }),
      dataSource.getRepository(Mark).createQueryBuilder('m').orderBy('m.id').getMany(),
      dataSource.getRepository(Mark).count(),
      selectTuples(dataSource, 'SELECT id FROM turn_marks ORDER BY id', []),
    ]);
    await eventLoopTurns();
    await attacker.rollBack();
    const [queried, found, built, counted, tuples] = await reads;

    expect(queried).toEqual(['committed-before']);
    expect(found.map((mark) => mark.id)).toEqual(['committed-before']);
    expect(built.map((mark) => mark.id)).toEqual(['committed-before']);
    expect(counted).toBe(1);
    expect(tuples).toEqual([['committed-before']]);
  });

  it('keeps a transaction inside a transaction a savepoint: an inner failure the outer catches undoes only the inner rows', async () => {
    const stranger = (async () => {
      await eventLoopTurns(1);
      await insert('stranger');
    })();

    await dataSource.transaction(async (outer) => {
      await outer.query('INSERT INTO turn_marks (id, writer) VALUES (?, ?)', ['outer-1', 'outer']);
      await expect(
        outer.transaction(async (inner) => {
          await inner.query('INSERT INTO turn_marks (id, writer) VALUES (?, ?)', ['inner-undone', 'inner']);
          await eventLoopTurns();
          throw new Error('the inner transaction fails');
        }),
      ).rejects.toThrow('the inner transaction fails');
      // Through the data source rather than the outer manager, as a function called inside the transaction would.
      await dataSource.transaction((inner) => inner.getRepository(Mark).save({ id: 'inner-kept', writer: 'inner' }));
      await dataSource.getRepository(Mark).save({ id: 'outer-2', writer: 'outer' });
      // The outer transaction sees its own rows, the undone one not among them.
      expect(((await dataSource.query('SELECT id FROM turn_marks ORDER BY id')) as Array<{ id: string }>).map((r) => r.id)).toEqual([
        'inner-kept',
        'outer-1',
        'outer-2',
      ]);
    });
    await stranger;

    expect(await storedIds()).toEqual(['inner-kept', 'outer-1', 'outer-2', 'stranger']);
  });

  it('undoes a committed inner transaction with the outer one that rolls back', async () => {
    await expect(
      dataSource.transaction(async (outer) => {
        await outer.query('INSERT INTO turn_marks (id, writer) VALUES (?, ?)', ['outer', 'outer']);
        await dataSource.transaction((inner) => inner.query('INSERT INTO turn_marks (id, writer) VALUES (?, ?)', ['inner', 'inner']));
        throw new Error('the outer transaction fails');
      }),
    ).rejects.toThrow('the outer transaction fails');

    expect(await storedIds()).toEqual([]);
  });

  it('runs a statement at once while no transaction holds the connection, and after the transaction while one does', async () => {
    const turns = sqliteTurnsOf(dataSource)!;
    const ran: string[] = [];
    const free = turns.statement(async () => ran.push('free'));
    expect(ran).toEqual(['free']);
    await free;

    const attacker = await openAttacker();
    const waiting = turns.statement(async () => ran.push('waiting'));
    await eventLoopTurns();
    expect(ran).toEqual(['free']);
    await attacker.rollBack();
    await waiting;
    expect(ran).toEqual(['free', 'waiting']);
  });

  it('keeps each of 20 transactions and 20 statements asked for together whole', async () => {
    const failing = (i: number) => i % 4 === 0;
    const asked: Array<Promise<unknown>> = [];
    for (let i = 0; i < 20; i += 1) {
      asked.push(
        dataSource.transaction(async (manager) => {
          await manager.query('INSERT INTO turn_marks (id, writer) VALUES (?, ?)', [`t${i}-a`, 'transaction']);
          await eventLoopTurns(1 + (i % 3));
          await manager.getRepository(Mark).save({ id: `t${i}-b`, writer: 'transaction' });
          if (failing(i)) throw new Error(`transaction ${i} rolls back`);
        }),
      );
      asked.push(insert(`s${i}`, 'statement'));
    }
    const outcomes = await Promise.allSettled(asked);

    const reasons = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [(outcome.reason as Error).message] : []));
    const meant = Array.from({ length: 20 }, (_, i) => i)
      .filter(failing)
      .map((i) => `transaction ${i} rolls back`);
    expect(reasons).toEqual(meant);
    const kept = Array.from({ length: 20 }, (_, i) => [`s${i}`, ...(failing(i) ? [] : [`t${i}-a`, `t${i}-b`])]).flat();
    expect(await storedIds()).toEqual(kept.sort());
  });
});
