import { publicEvents, type PublicEvent } from '@gongzhi/contracts';
import { pointsReactionTo } from './award-points-when-public-event.policy';

function publicEvent(type: string, data: unknown, actor: { id: string } | null = null): PublicEvent {
  const parsed = publicEvents.parse({
    eventId: '0190a1b2-0000-7000-8000-0000000000aa',
    type,
    schemaVersion: publicEvents.latestVersion(type),
    streamId: 'voter-1',
    streamVersion: 1,
    occurredAt: '2026-11-26T09:00:00.000Z',
    actor,
    data,
  });
  if (parsed.kind !== 'ok') throw new Error(`test event does not pass its contract: ${JSON.stringify(parsed)}`);
  return parsed.event;
}

describe('what public events mean for points', () => {
  it('awards a ballot cast and takes it back when the ballot is withdrawn before the close', () => {
    const cast = pointsReactionTo(publicEvent('BallotCast', { topicId: 'topic-1', voterId: 'res-1', ballotId: 'b-1', assisted: false }));
    expect(cast).toMatchObject({
      kind: 'award',
      award: { residentId: 'res-1', ruleId: 'deliberation-participation', sourceKey: 'ballot-b-1' },
    });
    const withdrawn = pointsReactionTo(
      publicEvent('BallotWithdrawn', { topicId: 'topic-1', voterId: 'res-1', ballotId: 'b-1', assisted: false }),
    );
    expect(withdrawn).toEqual({ kind: 'reverse', sourceKey: 'ballot-b-1', reason: 'ballot withdrawn before the close' });
  });

  it('reverses the +5 of a case voided after acceptance, and reads nothing into a rejection (a rejected case was never accepted)', () => {
    const place = { gridId: 'grid-hexie-01', communityId: 'community-hexie', streetId: 'street-nanjingdong' };
    const accepted = pointsReactionTo(
      publicEvent('CaseAccepted', { caseId: 'c-1', categoryCode: 'environment.noise', reporterId: 'res-1', ...place }, {
        id: 'officer-1',
        kind: 'user',
      } as { id: string }),
    );
    expect(accepted).toMatchObject({ kind: 'award', award: { residentId: 'res-1', ruleId: 'valid-report', sourceKey: 'case-c-1' } });
    expect(pointsReactionTo(publicEvent('CaseVoided', { caseId: 'c-1', reason: '现场核实无此问题' }))).toEqual({
      kind: 'reverse',
      sourceKey: 'case-c-1',
      reason: 'case voided: 现场核实无此问题',
    });
    expect(pointsReactionTo(publicEvent('CaseRejected', { caseId: 'c-2', reason: '重复' }))).toEqual({ kind: 'none' });
  });
});
