import { publicEvents, TOPICS, type PublicEvent } from '@gongzhi/contracts';
import { DomainError, type Actor, type Clock } from '@gongzhi/eventsourcing';
import type { ConsumerDefinition } from '@gongzhi/messaging';
import { ExecuteLedgerCommand } from '../commands/execute-ledger-command';
import type { StreamCommandBus } from '../commands/execute-time-bank-command';

/** The points rule contest prizes are paid under: one point per unit, so a prize of 50 is 50 units. */
export const CONTEST_PRIZE_RULE = 'contest-prize';
const POLICY_ACTOR: Actor = { id: 'points-contests', kind: 'service' };

/**
 * award-prizes-when-contest-closed: each prize is an award whose source is the ContestClosed event. A resident is named
 * once per close, and the ledger refuses a second award of one source event, so a redelivered close pays nothing more;
 * a close replayed as a command is refused by the contest itself (CONTEST.ALREADY_CLOSED).
 */
export function awardPrizesWhenContestClosed(commands: StreamCommandBus, clock: Clock): ConsumerDefinition<PublicEvent> {
  return {
    name: 'points-contest-prizes',
    topics: [TOPICS.points],
    parser: publicEvents,
    async handle(event) {
      if (event.type !== 'ContestClosed') return;
      const metadata = {
        actor: POLICY_ACTOR,
        now: clock.now(),
        correlationId: event.correlationId ?? event.eventId,
        causationId: event.eventId,
      };
      for (const prize of event.data.prizes) {
        try {
          await commands.execute(
            new ExecuteLedgerCommand({
              command: {
                type: 'AwardPoints',
                data: {
                  residentId: prize.residentId,
                  ruleId: CONTEST_PRIZE_RULE,
                  units: prize.points,
                  sourceEventId: event.eventId,
                  sourceEventType: event.type,
                  sourceKey: `contest-${event.data.contestId}`,
                  communityId: null,
                  categoryCode: null,
                  confirmedBy: event.data.closedBy,
                },
              },
              metadata,
            }),
          );
        } catch (error) {
          if (!(error instanceof DomainError && error.code === 'POINTS.ALREADY_AWARDED')) throw error;
        }
      }
    },
  };
}
