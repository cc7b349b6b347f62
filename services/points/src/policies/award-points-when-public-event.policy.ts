import type { PublicEvent } from '@gongzhi/contracts';
import type { LedgerCommand } from '../domain/ledger/ledger.commands';

type AwardPoints = Extract<LedgerCommand, { type: 'AwardPoints' }>['data'];

/** What a public event of another service means for residents' points. */
export type PointsReaction =
  | { readonly kind: 'award'; readonly award: AwardPoints }
  /** The source was invalidated: reverse the award made for `sourceKey`, whoever holds it. */
  | { readonly kind: 'reverse'; readonly sourceKey: string; readonly reason: string }
  | { readonly kind: 'none' };

const award = (event: PublicEvent, data: Omit<AwardPoints, 'sourceEventId' | 'sourceEventType' | 'units'>): PointsReaction => ({
  kind: 'award',
  award: { ...data, units: 1, sourceEventId: event.eventId, sourceEventType: event.type, participatedAt: event.occurredAt },
});

/**
 * The rules' sources: a valid report (case accepted; reversed when the case is voided), council participation (ballot cast, meeting
 * attended), an adopted suggestion. Anonymous residents earn nothing (their id never leaves the producer).
 * `confirmedBy` is whoever confirmed the action (the envelope's actor): a resident confirming their own
 * action earns nothing. A ballot is the voter's own act, so nobody confirms it.
 */
export function pointsReactionTo(event: PublicEvent): PointsReaction {
  const confirmedBy = event.actor?.id ?? null;
  switch (event.type) {
    case 'CaseAccepted': {
      const { reporterId, caseId, communityId, categoryCode } = event.data;
      if (reporterId === null) return { kind: 'none' };
      return award(event, {
        residentId: reporterId,
        ruleId: 'valid-report',
        sourceKey: `case-${caseId}`,
        communityId,
        categoryCode,
        confirmedBy,
      });
    }
    case 'CaseVoided':
      // Found invalid after acceptance: the +5 of the acceptance goes. (A rejected case was never accepted, so never awarded.)
      return { kind: 'reverse', sourceKey: `case-${event.data.caseId}`, reason: `case voided: ${event.data.reason}` };
    case 'BallotCast':
      return award(event, {
        residentId: event.data.voterId,
        ruleId: 'deliberation-participation',
        sourceKey: `ballot-${event.data.ballotId}`,
        communityId: null,
        categoryCode: null,
        confirmedBy: null,
      });
    case 'BallotWithdrawn':
      // Taken out of the box before the close: the participation it earned goes with it.
      return { kind: 'reverse', sourceKey: `ballot-${event.data.ballotId}`, reason: 'ballot withdrawn before the close' };
    case 'MeetingAttended':
      return award(event, {
        residentId: event.data.residentId,
        ruleId: 'deliberation-participation',
        sourceKey: `meeting-${event.data.meetingId}-${event.data.residentId}`,
        communityId: null,
        categoryCode: null,
        confirmedBy,
      });
    case 'SuggestionAdopted':
      if (event.data.residentId === null) return { kind: 'none' };
      return award(event, {
        residentId: event.data.residentId,
        ruleId: 'adopted-suggestion',
        sourceKey: `suggestion-${event.data.topicId}`,
        communityId: null,
        categoryCode: null,
        confirmedBy,
      });
    default:
      return { kind: 'none' };
  }
}
