import type { DataSource } from 'typeorm';
import { ConsumerStateStore, EventBus, RunningConsumer } from '@gongzhi/messaging';
import { uuidv7, type NewEvent } from '@gongzhi/eventsourcing';
import { eventuallyReturns } from '../eventually-passes';
import { StreamTally, tallyProjector } from './tally-projector';

export interface BusHarness {
  readonly bus: EventBus;
  readonly state: ConsumerStateStore;
  readonly dataSource: DataSource;
  readonly topic: string;
  append(streamId: string, events: NewEvent[]): Promise<void>;
  /** Puts a message that fails its contract into the topic. */
  injectPoison(): Promise<void>;
  deadLetterReasons(consumer: string): Promise<string[]>;
  /** Makes the bus deliver everything the consumer already has once more. */
  redeliver(consumer: string): Promise<void>;
  close(): Promise<void>;
}

export const caseEvent = (n: number, extra: Record<string, unknown> = {}): NewEvent => ({
  type: 'CaseReported',
  data: { n, description: '楼道堆物', ...extra },
});

/** What every bus (Kafka, in-process) owes its consumers. */
export function describeEventBusContract(name: string, open: () => Promise<BusHarness>): void {
  describe(`${name}: consumer guarantees`, () => {
    let harness: BusHarness;
    const consumers: RunningConsumer[] = [];
    /** A consumer starts at the beginning of the topic: only the streams of the test at hand count. */
    const tallies = (consumer: string, prefix: string) =>
      harness.dataSource
        .getRepository(StreamTally)
        .createQueryBuilder('t')
        .where('t.consumer = :consumer AND t.stream_id LIKE :prefix', { consumer, prefix: `${prefix}%` })
        .orderBy('t.stream_id')
        .getMany();

    beforeAll(async () => {
      harness = await open();
    });
    afterAll(async () => {
      await Promise.all(consumers.map((c) => c.stop()));
      await harness.close();
    });

    it('applies every event of every stream once, each stream in order', async () => {
      const prefix = `case-${uuidv7()}`;
      const consumer = `tally-${uuidv7()}`;
      consumers.push(await harness.bus.start(tallyProjector(consumer, [harness.topic]), { state: harness.state }));
      for (let round = 0; round < 10; round++) {
        await Promise.all([0, 1, 2, 3, 4].map((s) => harness.append(`${prefix}-${s}`, [caseEvent(round)])));
      }
      const rows = await eventuallyReturns(() => tallies(consumer, prefix), (r) => r.length === 5 && r.every((t) => t.count === 10));
      expect(rows.map((t) => [t.count, t.lastVersion, t.outOfOrder])).toEqual(Array(5).fill([10, 10, 0]));
    });

    it('gives a redelivered event no second effect', async () => {
      const prefix = `case-${uuidv7()}`;
      const consumer = `tally-${uuidv7()}`;
      const running = await harness.bus.start(tallyProjector(consumer, [harness.topic]), { state: harness.state });
      await harness.append(`${prefix}-0`, [caseEvent(1), caseEvent(2), caseEvent(3)]);
      await eventuallyReturns(() => tallies(consumer, prefix), (r) => r[0]?.count === 3);
      await running.stop();

      await harness.redeliver(consumer);
      consumers.push(await harness.bus.start(tallyProjector(consumer, [harness.topic]), { state: harness.state }));
      await harness.append(`${prefix}-0`, [caseEvent(4)]);
      const rows = await eventuallyReturns(() => tallies(consumer, prefix), (r) => r[0]?.count >= 4);
      await new Promise((resolve) => setTimeout(resolve, 300)); // room for any late duplicate to show
      expect((await tallies(consumer, prefix)).map((t) => [t.count, t.lastVersion, t.outOfOrder])).toEqual([[4, 4, 0]]);
      expect(rows).toHaveLength(1);
    });

    it('dead-letters a message that fails its contract, with the reason, and goes on with the next', async () => {
      const prefix = `case-${uuidv7()}`;
      const consumer = `tally-${uuidv7()}`;
      consumers.push(await harness.bus.start(tallyProjector(consumer, [harness.topic]), { state: harness.state }));
      await harness.injectPoison();
      await harness.append(`${prefix}-0`, [caseEvent(1), caseEvent(2)]);
      const rows = await eventuallyReturns(() => tallies(consumer, prefix), (r) => r[0]?.count === 2);
      expect(rows.map((t) => t.count)).toEqual([2]);
      const reasons = await eventuallyReturns(() => harness.deadLetterReasons(consumer), (r) => r.length > 0);
      expect(reasons).toEqual([expect.stringContaining('data.poison')]);
    });
  });
}
