import { ConsumerDefinition, EventParser } from '@gongzhi/messaging';
import { Column, Entity, PrimaryColumn, type EntityManager } from 'typeorm';
import type { RecordedEvent } from '@gongzhi/eventsourcing';

/** A read model for the backbone tests: per stream, how many events arrived and whether they came in order. */
@Entity('test_stream_tally')
export class StreamTally {
  @PrimaryColumn('varchar', { length: 160 })
  consumer!: string;

  @PrimaryColumn('varchar', { name: 'stream_id', length: 200 })
  streamId!: string;

  @Column('int')
  count!: number;

  @Column('int', { name: 'last_version' })
  lastVersion!: number;

  @Column('int', { name: 'out_of_order' })
  outOfOrder!: number;

  @Column('varchar', { name: 'handled_by', length: 100 })
  handledBy!: string;
}

/** Accepts envelopes unless their data says `poison`, standing in for a contract a message fails. */
export const poisonAwareParser: EventParser<RecordedEvent> = {
  parse(envelope) {
    const event = envelope as RecordedEvent;
    if (!event || typeof event.eventId !== 'string') return { kind: 'invalid', reason: 'eventId: required' };
    if ((event.data as { poison?: boolean } | null)?.poison) return { kind: 'invalid', reason: 'data.poison: this message is poisoned' };
    return { kind: 'ok', event };
  },
};

export function tallyProjector(name: string, topics: string[], member = 'a'): ConsumerDefinition<RecordedEvent> {
  return {
    name,
    topics,
    parser: poisonAwareParser,
    async handle(event: RecordedEvent, manager: EntityManager) {
      const row = await manager.findOneBy(StreamTally, { consumer: name, streamId: event.streamId });
      const inOrder = event.streamVersion === (row?.lastVersion ?? 0) + 1;
      await manager.save(StreamTally, {
        consumer: name,
        streamId: event.streamId,
        count: (row?.count ?? 0) + 1,
        lastVersion: event.streamVersion,
        outOfOrder: (row?.outOfOrder ?? 0) + (inOrder ? 0 : 1),
        handledBy: member,
      });
    },
  };
}
