import { randomUUID } from 'node:crypto';
import { ManualClock } from '@gongzhi/eventsourcing';
import { PostgresEventStore } from '@gongzhi/eventstore-postgres';
import type { Principal } from '@gongzhi/identity';
import type { ServiceInfrastructure } from '@gongzhi/runtime';
import { freshTestDatabase } from '@gongzhi/testing';
import { activityStreamId } from '../../domain/activity/activity.decider';
import { CoBuildingSettings } from '../../settings/co-building-settings';
import { ScheduleActivity } from '../schedule-activity/schedule-activity.command';
import { ScheduleActivityHandler } from '../schedule-activity/schedule-activity.handler';
import { SignUpForActivity } from './sign-up-for-activity.command';
import { SignUpForActivityHandler } from './sign-up-for-activity.handler';

const hexie = { cityId: 'city-shanghai', streetId: 'street-nanjingdong', communityId: 'community-hexie' };
const officer: Principal = { subject: 'officer-hexie', roles: ['community_officer'], scope: hexie, verification: 'verified' };
const resident = (): Principal => ({ subject: `resident-${randomUUID()}`, roles: ['resident'], scope: hexie, verification: 'verified' });
// Nobody here holds a level: the privilege lookup answers no level.
const noLevels = { getRepository: () => ({ findOneBy: async () => null }) };

describe('concurrent sign-ups for the last places of an activity on PostgreSQL', () => {
  it('stores exactly capacity sign-ups of 12 at once and refuses the rest as full', async () => {
    const clock = new ManualClock();
    const store = await PostgresEventStore.connect({ connectionString: await freshTestDatabase('cobuilding'), clock: () => clock.now() });
    try {
      const infrastructure = { eventStore: store, clock, dataSource: noLevels } as unknown as ServiceInfrastructure;
      const settings = new CoBuildingSettings();
      const activity = await new ScheduleActivityHandler(infrastructure, settings).execute(
        new ScheduleActivity({
          principal: officer,
          activity: { title: '包饺子', startsAt: '2026-12-10T06:00:00.000Z', capacity: 2, signUpOpensAt: '2026-11-26T02:00:00.000Z' },
        }),
      );
      const handler = new SignUpForActivityHandler(infrastructure, settings);
      const results = await Promise.allSettled(
        Array.from({ length: 12 }, () =>
          handler.execute(new SignUpForActivity({ principal: resident(), activityId: activity!.activityId })),
        ),
      );
      const refused = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as { code?: string }).code] : []));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
      expect(refused).toEqual(Array(10).fill('ACTIVITY.FULL'));
      const stream = await store.readStream(activityStreamId(activity!.activityId));
      expect(stream.events.filter((e) => e.type === 'ActivitySignedUp')).toHaveLength(2);
    } finally {
      await store.close();
    }
  });
});
