import { ManualClock, type CommandMetadata, type EventStore } from '@gongzhi/eventsourcing';
import { PostgresEventStore } from '@gongzhi/eventstore-postgres';
import { freshTestDatabase, startTestApp, type TestApp } from '@gongzhi/testing';
import type { ServiceInfrastructure } from '@gongzhi/runtime';
import { BookSpaceSlotCommand, BookSpaceSlotCommandHandler, ExecuteResourceCommand, ExecuteResourceCommandHandler } from './commands/execute-commands';
import { spaceDayStreamId } from './domain/space-day/space-day.decider';
import { coBuildingService } from './index';

const hexieResident = { roles: ['resident'], scope: { cityId: 'city-shanghai', streetId: 'street-nanjingdong', communityId: 'community-hexie' } };
const metadata = (i: number, now: Date): CommandMetadata => ({ actor: { id: `resident-${i}`, kind: 'user' }, now });

async function listRoom(store: EventStore, now: Date): Promise<void> {
  await new ExecuteResourceCommandHandler({ eventStore: store } as ServiceInfrastructure).execute(
    new ExecuteResourceCommand(
      'r-room',
      {
        type: 'ListResource',
        resourceId: 'r-room',
        communityId: 'community-hexie',
        kind: 'space',
        title: '活动室',
        description: '30 人',
        category: 'space.activity-room',
        tags: [],
        offeredByKind: 'community',
        offeredByName: '和谐社区居委会',
        opensAt: '08:00',
        closesAt: '21:00',
      },
      metadata(0, now),
    ),
  );
}

/** N bookings of one slot at once through the handler: exactly one is stored, the others are refused (409). */
async function bookConcurrently(store: EventStore, n: number, now: Date) {
  const handler = new BookSpaceSlotCommandHandler({ eventStore: store });
  const results = await Promise.allSettled(
    Array.from({ length: n }, (_, i) =>
      handler.execute(
        new BookSpaceSlotCommand(
          { type: 'BookSlot', bookingId: `b-${i}`, resourceId: 'r-room', day: '2026-11-29', from: i % 2 ? '14:00' : '14:30', to: '16:00', purpose: '读书会', projectId: null },
          metadata(i, now),
          hexieResident,
        ),
      ),
    ),
  );
  const won = results.filter((r) => r.status === 'fulfilled');
  const refused = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as { code?: string }).code] : []));
  return { won, refused, stream: await store.readStream(spaceDayStreamId('r-room', '2026-11-29')) };
}

describe('concurrent bookings of one slot: exactly one wins', () => {
  it('on PostgreSQL, 20 bookings through the command handler', async () => {
    const clock = new ManualClock();
    const store = await PostgresEventStore.connect({ connectionString: await freshTestDatabase('cobuilding'), clock: () => clock.now() });
    try {
      await listRoom(store, clock.now());
      const { won, refused, stream } = await bookConcurrently(store, 20, clock.now());
      expect(won).toHaveLength(1);
      expect(refused).toHaveLength(19);
      for (const code of refused) expect(['SPACE.SLOT_TAKEN', 'COMMAND.CONCURRENCY_CONFLICT']).toContain(code);
      expect(stream.events.map((e) => e.type)).toEqual(['SpaceSlotBooked']);
    } finally {
      await store.close();
    }
  });

  describe('on the embedded SQLite store over HTTP', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp([coBuildingService]);
    });
    afterAll(() => app?.close());

    it('answers one of 10 simultaneous requests 201 and the others 409', async () => {
      const officer = await app.tokenFor('community_officer');
      const room = await app.request('POST', '/api/co-building/resources', {
        token: officer,
        body: { kind: 'space', title: '活动室', description: '30 人', category: 'space.activity-room', opensAt: '08:00', closesAt: '21:00' },
      });
      const responses = await Promise.all(
        Array.from({ length: 10 }, () =>
          app.request('POST', `/api/co-building/resources/${room.body.resourceId}/bookings`, {
            token: officer,
            body: { day: '2026-11-29', from: '14:00', to: '16:00', purpose: '读书会' },
          }),
        ),
      );
      expect(responses.map((r) => r.status).sort()).toEqual([201, ...Array(9).fill(409)]);
      const stream = await app.platform.infrastructure.get('co-building')!.eventStore.readStream(spaceDayStreamId(room.body.resourceId, '2026-11-29'));
      expect(stream.events).toHaveLength(1);
    });

    it('and the handler on the SQLite store with 20 concurrent bookings', async () => {
      const store = app.platform.infrastructure.get('co-building')!.eventStore;
      await listRoom(store, app.clock.now());
      const { won, stream } = await bookConcurrently(store, 20, app.clock.now());
      expect(won).toHaveLength(1);
      expect(stream.events).toHaveLength(1);
    });
  });
});
