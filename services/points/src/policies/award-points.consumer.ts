import { publicEvents, type PublicEvent } from '@gongzhi/contracts';
import { DomainError, type Actor, type Clock } from '@gongzhi/eventsourcing';
import type { ConsumerDefinition } from '@gongzhi/messaging';
import { ExecuteLedgerCommand } from '../commands/execute-ledger-command';
import type { StreamCommandBus } from '../commands/execute-time-bank-command';
import { AwardSource } from '../read-models/points-read-models.entities';
import { pointsReactionTo } from './award-points-when-public-event.policy';

const POLICY_ACTOR: Actor = { id: 'points-policy', kind: 'service' };
/** Refusals that mean "already done" or "nothing to undo": a redelivery or a source never awarded. */
const SETTLED = new Set(['POINTS.ALREADY_AWARDED', 'POINTS.ALREADY_REVERSED', 'POINTS.AWARD_NOT_FOUND']);

/**
 * Awards points for other services' public events, and reverses them when a source is invalidated.
 * The inbox makes each event's effect once; should the ledger append and the inbox row part ways (they
 * live in different stores), the ledger refuses the repeated source event, which is caught here.
 */
export function awardPointsConsumer(topic: string, commands: StreamCommandBus, clock: Clock): ConsumerDefinition<PublicEvent> {
  return {
    name: `points-awards-${topic}`,
    topics: [topic],
    parser: publicEvents,
    async handle(event, manager) {
      const reaction = pointsReactionTo(event);
      const metadata = {
        actor: POLICY_ACTOR,
        now: clock.now(),
        correlationId: event.correlationId ?? event.eventId,
        causationId: event.eventId,
      };
      try {
        if (reaction.kind === 'award') {
          const { award } = reaction;
          if (award.sourceKey)
            await manager.upsert(AwardSource, { sourceKey: award.sourceKey, residentId: award.residentId }, ['sourceKey']);
          await commands.execute(new ExecuteLedgerCommand({ command: { type: 'AwardPoints', data: award }, metadata }));
        } else if (reaction.kind === 'reverse') {
          const source = await manager.findOneBy(AwardSource, { sourceKey: reaction.sourceKey });
          if (!source) return;
          await commands.execute(
            new ExecuteLedgerCommand({
              command: {
                type: 'ReversePoints',
                data: { residentId: source.residentId, match: { sourceKey: reaction.sourceKey }, reason: reaction.reason },
              },
              metadata,
            }),
          );
        }
      } catch (error) {
        if (error instanceof DomainError && SETTLED.has(error.code)) return;
        throw error;
      }
    },
  };
}
