import { type DataSource } from 'typeorm';
import type { RecordedEvent } from '@gongzhi/eventsourcing';
import { ConsumerStoppedError, handleBatch } from './batch-handler';
import type { ConsumerDefinition } from './consumer-definition';
import { MESSAGING_ENTITIES } from './consumer-state.entities';
import { ConsumerStateStore } from './consumer-state-store';
import { platformDataSource } from '@gongzhi/persistence';

const event = (n: number) => ({ eventId: `e-${n}`, streamId: 'case-1', streamVersion: n }) as unknown as RecordedEvent;
const databaseAway = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

describe('a batch whose database is away', () => {
  let dataSource: DataSource;
  let state: ConsumerStateStore;
  beforeEach(async () => {
    dataSource = await platformDataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities: MESSAGING_ENTITIES,
      synchronize: true,
    }).initialize();
    state = new ConsumerStateStore(dataSource);
  });
  afterEach(() => dataSource.destroy());

  /** A consumer whose effect fails `outage` times with the database away, then works. */
  const consumer = (outage: number) => {
    const applied: string[] = [];
    let failures = 0;
    const definition: ConsumerDefinition<RecordedEvent> = {
      name: 'tally',
      topics: ['cases'],
      parser: { parse: (e) => ({ kind: 'ok', event: e as RecordedEvent }) },
      async handle(e) {
        if (failures++ < outage) throw databaseAway();
        applied.push(e.eventId);
      },
    };
    return { definition, applied };
  };

  it('waits it out past the attempts a poison message gets, and applies every event once, dead-lettering none', async () => {
    const { definition, applied } = consumer(12);
    const deadLettered: string[] = [];
    const items = [1, 2, 3].map((n) => ({ event: event(n), source: n }));
    await handleBatch(definition, { state, maxAttempts: 3, retryDelayMs: 1 }, items, {
      send: async (n) => void deadLettered.push(String(n)),
    });

    expect(applied).toEqual(['e-1', 'e-2', 'e-3']);
    expect(deadLettered).toEqual([]);
  });

  it('gives the batch up when the consumer stops meanwhile, so it is delivered again rather than dead-lettered', async () => {
    const { definition, applied } = consumer(Number.POSITIVE_INFINITY);
    const deadLettered: unknown[] = [];
    let checks = 0;
    const control = { isRunning: () => ++checks < 5 };
    await expect(
      handleBatch(
        definition,
        { state, maxAttempts: 3, retryDelayMs: 1 },
        [{ event: event(1), source: 1 }],
        { send: async (n) => void deadLettered.push(n) },
        undefined,
        control,
      ),
    ).rejects.toBeInstanceOf(ConsumerStoppedError);
    expect(applied).toEqual([]);
    expect(deadLettered).toEqual([]);
  });

  it('still dead-letters an event whose own handling keeps failing', async () => {
    const definition: ConsumerDefinition<RecordedEvent> = {
      name: 'tally',
      topics: ['cases'],
      parser: { parse: (e) => ({ kind: 'ok', event: e as RecordedEvent }) },
      async handle() {
        throw new TypeError("Cannot read properties of undefined (reading 'caseId')");
      },
    };
    const deadLettered: string[] = [];
    await handleBatch(definition, { state, maxAttempts: 3, retryDelayMs: 1 }, [{ event: event(1), source: 'e-1' }], {
      send: async (source, reason) => void deadLettered.push(`${source}: ${reason}`),
    });
    expect(deadLettered).toEqual([expect.stringMatching(/^e-1: handler failed 3 times: Cannot read properties/)]);
  });
});
