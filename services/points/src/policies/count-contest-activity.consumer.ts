import { publicEvents, TOPICS, type PublicEvent } from '@gongzhi/contracts';
import type { Actor, Clock } from '@gongzhi/eventsourcing';
import type { ConsumerDefinition } from '@gongzhi/messaging';
import { ExecuteContestCommand, type ContestCommandBus } from '../commands/execute-contest-command';
import type { ContestCommand } from '../domain/contest/contest.commands';
import { ContestView } from '../read-models/contest-read-models.entities';
import { CONTEST_PRIZE_RULE } from './award-prizes-when-contest-closed.policy';

const POLICY_ACTOR: Actor = { id: 'points-contests', kind: 'service' };

type Activity = Omit<Extract<ContestCommand, { type: 'CountContestActivity' }>['data'], 'contestId'>;

/** What an event of this service means for contests: verified hours, and every award but a contest's own prize. */
export function contestActivityOf(event: PublicEvent): { kinds: readonly ContestView['kind'][]; activity: Activity } | null {
  if (event.type === 'VolunteerHoursDeposited') {
    const { residentId, hours } = event.data;
    return {
      kinds: ['volunteer'],
      activity: { sourceEventId: event.eventId, at: event.occurredAt, residentId, measure: 'volunteer_hours', amount: hours },
    };
  }
  if (event.type === 'PointsAwarded' && event.data.ruleId !== CONTEST_PRIZE_RULE) {
    const { residentId, ruleId, awardedAt } = event.data;
    return {
      kinds: ['building'],
      activity: {
        sourceEventId: event.eventId,
        at: awardedAt,
        residentId,
        measure: ruleId === 'valid-report' ? 'valid_report' : 'participation',
        amount: 1,
      },
    };
  }
  return null;
}

/**
 * count-contest-activity-when-points-event: each act is offered to every open contest of its kind; the contest's
 * decider counts it once, and only for a resident who takes part, inside the period (so a redelivery counts nothing).
 */
export function countContestActivityConsumer(commands: ContestCommandBus, clock: Clock): ConsumerDefinition<PublicEvent> {
  return {
    name: 'points-contest-activity',
    topics: [TOPICS.points],
    parser: publicEvents,
    async handle(event, manager) {
      const counted = contestActivityOf(event);
      if (!counted) return;
      const open = await manager.find(ContestView, { where: { status: 'open' }, select: { contestId: true, kind: true } });
      const metadata = {
        actor: POLICY_ACTOR,
        now: clock.now(),
        correlationId: event.correlationId ?? event.eventId,
        causationId: event.eventId,
      };
      for (const contest of open.filter((c) => counted.kinds.includes(c.kind))) {
        await commands.execute(
          new ExecuteContestCommand({
            command: { type: 'CountContestActivity', data: { contestId: contest.contestId, ...counted.activity } },
            metadata,
          }),
        );
      }
    },
  };
}
