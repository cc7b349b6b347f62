import { publicEvents, TOPICS, type PublicEvent } from '@gongzhi/contracts';
import { DomainError, type Actor, type Clock } from '@gongzhi/eventsourcing';
import type { ConsumerDefinition } from '@gongzhi/messaging';
import { ExecuteLedgerCommand } from '../commands/execute-ledger-command';
import { ExecuteTimeBankCommand, type StreamCommandBus } from '../commands/execute-time-bank-command';

const POLICY_ACTOR: Actor = { id: 'points-policy', kind: 'service' };

/**
 * Reactions within the service, to its own published events: verified hours earn points
 * (award-points-when-hours-deposited), and transferred hours arrive in the recipient's time bank
 * (credit-hours-when-transferred), and a confirmed farming flag's awards are reversed (reverse-awards-when-farming-confirmed,
 * for confirmations recorded before the review reversed them itself). Each is idempotent on its source.
 */
export function reactToOwnEventsConsumer(commands: StreamCommandBus, clock: Clock): ConsumerDefinition<PublicEvent> {
  return {
    name: 'points-own-reactions',
    topics: [TOPICS.points],
    parser: publicEvents,
    async handle(event) {
      const metadata = {
        actor: POLICY_ACTOR,
        now: clock.now(),
        correlationId: event.correlationId ?? event.eventId,
        causationId: event.eventId,
      };
      if (event.type === 'VolunteerHoursDeposited') {
        const { residentId, hours, entryId, verifiedBy } = event.data;
        try {
          await commands.execute(
            new ExecuteLedgerCommand({
              command: {
                type: 'AwardPoints',
                data: {
                  residentId,
                  ruleId: 'volunteer-hour',
                  units: hours,
                  sourceEventId: event.eventId,
                  sourceEventType: event.type,
                  sourceKey: `hours-${entryId}`,
                  communityId: null,
                  categoryCode: null,
                  confirmedBy: verifiedBy,
                  participatedAt: event.occurredAt,
                },
              },
              metadata,
            }),
          );
        } catch (error) {
          if (!(error instanceof DomainError && error.code === 'POINTS.ALREADY_AWARDED')) throw error;
        }
      } else if (event.type === 'FarmingReviewed' && event.data.outcome === 'confirmed') {
        // reverse-awards-when-farming-confirmed: a no-op after a review that reversed them in its own append.
        const { residentId, flagId } = event.data;
        await commands.execute(
          new ExecuteLedgerCommand({ command: { type: 'ReverseFlaggedAwards', data: { residentId, flagId } }, metadata }),
        );
      } else if (event.type === 'HoursTransferred') {
        const { fromResidentId, toResidentId, hours, transferId } = event.data;
        await commands.execute(
          new ExecuteTimeBankCommand({
            command: { type: 'ReceiveHours', data: { residentId: toResidentId, transferId, fromResidentId, hours } },
            metadata,
          }),
        );
      }
    },
  };
}
