import { ManualClock, type Clock, type EventStore } from '@gongzhi/eventsourcing';
import { PostgresEventStore } from '@gongzhi/eventstore-postgres';
import type { Principal } from '@gongzhi/identity';
import { freshTestDatabase, startTestApp, type TestApp } from '@gongzhi/testing';
import type { ServiceInfrastructure } from '@gongzhi/runtime';
import { spaceDayStreamId } from '../../domain/space-day/space-day.decider';
import { coBuildingService } from '../../index';
import { ListResource } from '../list-resource/list-resource.command';
import { ListResourceHandler } from '../list-resource/list-resource.handler';
import { BookSpaceSlot } from './book-space-slot.command';
import { CoBuildingSettings } from '../../settings/co-building-settings';
import { BookSpaceSlotHandler } from './book-space-slot.handler';

const hexie = { cityId: 'city-shanghai', streetId: 'street-nanjingdong', communityId: 'community-hexie' };
const hexieResident = (i: number): Principal => ({ subject: `resident-${i}`, roles: ['resident'], scope: hexie, verification: 'verified' });
const hexieOfficer: Principal = { subject: 'officer-hexie', roles: ['community_officer'], scope: hexie, verification: 'verified' };

/** Lists the community's activity room through its handler; answers the room's id. */
async function listRoom(store: EventStore, clock: Clock): Promise<string> {
  const room = await new ListResourceHandler({ eventStore: store, clock } as ServiceInfrastructure).execute(
    new ListResource({
      principal: hexieOfficer,
      resource: {
        kind: 'space',
        title: '活动室',
        description: '30 人',
        category: 'space.activity-room',
        tags: [],
        offeredByKind: 'community',
        offeredByName: '和谐社区居委会',
        opensAt: '08:00',
        closesAt: '21:00',
        openTo: 'community',
      },
    }),
  );
  if (room.status !== 'Listed') throw new Error('the room was not listed');
  return room.resourceId;
}

/** N bookings of one slot at once through the handler: exactly one is stored, the others are refused (409). */
async function bookConcurrently(store: EventStore, clock: Clock, resourceId: string, n: number) {
  const handler = new BookSpaceSlotHandler({ eventStore: store, clock }, new CoBuildingSettings());
  const results = await Promise.allSettled(
    Array.from({ length: n }, (_, i) =>
      handler.execute(
        new BookSpaceSlot({
          principal: hexieResident(i),
          resourceId,
          booking: {
            day: '2026-11-29',
            from: i % 2 ? '14:00' : '14:30',
            to: '16:00',
            purpose: '读书会',
            projectId: null,
          },
        }),
      ),
    ),
  );
  const won = results.filter((r) => r.status === 'fulfilled');
  const refused = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as { code?: string }).code] : []));
  return { won, refused, stream: await store.readStream(spaceDayStreamId(resourceId, '2026-11-29')) };
}

describe('concurrent bookings of one slot: exactly one wins', () => {
  it('on PostgreSQL, 20 bookings through the command handler', async () => {
    const clock = new ManualClock();
    const store = await PostgresEventStore.connect({ connectionString: await freshTestDatabase('cobuilding'), clock: () => clock.now() });
    try {
      const roomId = await listRoom(store, clock);
      const { won, refused, stream } = await bookConcurrently(store, clock, roomId, 20);
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
        body: {
          kind: 'space',
          title: '活动室',
          description: '30 人',
          category: 'space.activity-room',
          opensAt: '08:00',
          closesAt: '21:00',
        },
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
      const stream = await app.platform.infrastructure
        .get('co-building')!
        .eventStore.readStream(spaceDayStreamId(room.body.resourceId, '2026-11-29'));
      expect(stream.events).toHaveLength(1);
    });

    it('and the handler on the SQLite store with 20 concurrent bookings', async () => {
      const store = app.platform.infrastructure.get('co-building')!.eventStore;
      const roomId = await listRoom(store, app.clock);
      const { won, stream } = await bookConcurrently(store, app.clock, roomId, 20);
      expect(won).toHaveLength(1);
      expect(stream.events).toHaveLength(1);
    });
  });
});
