import { SYSTEM_ACTOR } from '@gongzhi/eventsourcing';
import { deciderSpec, expectContractOf } from '@gongzhi/testing';
import type { Caller } from '../caller';
import { voterRollDecider, type VoterRollEvent } from '../voting/voter-roll.decider';
import { assertMayAssist, assistedDecider, type AssistedCommand, type AssistedEvent } from './assisted.decider';

const now = new Date('2026-11-26T09:00:00.000Z');
const gridWorker: Caller = {
  subject: 'worker-1',
  roles: ['grid_worker'],
  scope: { communityId: 'community-hexie', gridId: 'grid-hexie-01' },
  verification: 'verified',
};
const otherGridWorker: Caller = { ...gridWorker, subject: 'worker-2', scope: { communityId: 'community-hexie', gridId: 'grid-hexie-02' } };
const officer: Caller = {
  subject: 'officer-1',
  roles: ['community_officer'],
  scope: { communityId: 'community-hexie' },
  verification: 'verified',
};
const otherOfficer: Caller = { ...officer, subject: 'officer-2', scope: { communityId: 'community-other' } };
const resident: Caller = {
  subject: 'resident-1',
  roles: ['resident'],
  scope: { communityId: 'community-hexie', gridId: 'grid-hexie-01' },
  verification: 'verified',
};
const place = { communityId: 'community-hexie', gridId: 'grid-hexie-01' };

/** The steps of the shared spec, answering nothing: a test that is one expression returns no value to jest. */
const voidOf = (decision: { then(expected: readonly AssistedEvent[]): unknown; thenThrows(code: string): unknown }) => ({
  then: (expected: readonly AssistedEvent[]): void => void decision.then(expected),
  thenThrows: (code: string): void => void decision.thenThrows(code),
});
const spec = deciderSpec(assistedDecider, { actor: SYSTEM_ACTOR, caller: gridWorker, now });
const given = (history: AssistedEvent[]) => ({
  when: (command: AssistedCommand, caller: Caller) => voidOf(spec.given(history).when(command, { caller })),
});

const byCode = { method: 'one_time_code', slipPhotoId: null } as const;
const bySlip = { method: 'signed_slip', slipPhotoId: 'photo-slip-1' } as const;
const recorded: AssistedEvent = {
  type: 'AssistedBallotRecorded',
  data: {
    topicId: 't-1',
    residentId: 'resident-1',
    ballotId: 'b-1',
    assistantId: 'worker-1',
    assistantRole: 'grid_worker',
    consent: byCode,
  },
};

describe('assisted participation (入户走访)', () => {
  it("lets a grid worker of the resident's grid or an officer of their community assist, nobody else", () => {
    expect(() => assertMayAssist(gridWorker, place)).not.toThrow();
    expect(() => assertMayAssist(officer, place)).not.toThrow();
    for (const caller of [otherGridWorker, otherOfficer, resident]) {
      expect(() => assertMayAssist(caller, place)).toThrow(expect.objectContaining({ code: 'ASSISTED.FORBIDDEN' }));
    }
  });

  it('records a ballot with its consent, never its choice', () =>
    given([])
      .when(
        { type: 'RecordAssistedBallot', data: { topicId: 't-1', residentId: 'resident-1', ballotId: 'b-1', consent: byCode } },
        gridWorker,
      )
      .then([recorded]));

  it('keeps the photo of a signed slip as evidence, and refuses a slip without one', () => {
    given([])
      .when({ type: 'RecordAssistedBallot', data: { topicId: 't-1', residentId: 'resident-1', ballotId: 'b-1', consent: bySlip } }, officer)
      .then([{ ...recorded, data: { ...recorded.data, assistantId: 'officer-1', assistantRole: 'community_officer', consent: bySlip } }]);
    given([])
      .when(
        {
          type: 'RecordAssistedBallot',
          data: { topicId: 't-1', residentId: 'resident-1', ballotId: 'b-1', consent: { method: 'signed_slip', slipPhotoId: ' ' } },
        },
        officer,
      )
      .thenThrows('ASSISTED.CONSENT_REQUIRED');
  });

  it('records once per topic until withdrawn; only the resident withdraws', () => {
    given([recorded])
      .when(
        { type: 'RecordAssistedBallot', data: { topicId: 't-1', residentId: 'resident-1', ballotId: 'b-2', consent: byCode } },
        gridWorker,
      )
      .thenThrows('ASSISTED.ALREADY_RECORDED');
    given([recorded])
      .when({ type: 'WithdrawAssistedBallot', data: { topicId: 't-1' } }, gridWorker)
      .thenThrows('ASSISTED.NOT_FOUND');
    const withdrawn: AssistedEvent = {
      type: 'AssistedBallotWithdrawn',
      data: { topicId: 't-1', residentId: 'resident-1', ballotId: 'b-1' },
    };
    given([recorded])
      .when({ type: 'WithdrawAssistedBallot', data: { topicId: 't-1' } }, resident)
      .then([withdrawn]);
    given([recorded, withdrawn])
      .when({ type: 'WithdrawAssistedBallot', data: { topicId: 't-1' } }, resident)
      .thenThrows('ASSISTED.NOT_FOUND');
    given([recorded, withdrawn])
      .when(
        { type: 'RecordAssistedBallot', data: { topicId: 't-1', residentId: 'resident-1', ballotId: 'b-2', consent: bySlip } },
        gridWorker,
      )
      .then([{ ...recorded, data: { ...recorded.data, ballotId: 'b-2', consent: bySlip } }]);
  });

  it('records an opinion for the resident', () =>
    given([])
      .when(
        { type: 'RecordAssistedComment', data: { topicId: 't-1', residentId: 'resident-1', commentId: 'c-1', consent: byCode } },
        gridWorker,
      )
      .then([
        {
          type: 'AssistedCommentRecorded',
          data: {
            topicId: 't-1',
            residentId: 'resident-1',
            commentId: 'c-1',
            assistantId: 'worker-1',
            assistantRole: 'grid_worker',
            consent: byCode,
          },
        },
      ]));
});

describe('voter roll with withdrawals', () => {
  const roll = (events: VoterRollEvent[]) => events.reduce(voterRollDecider.evolve, voterRollDecider.initialState());
  const cast: VoterRollEvent = { type: 'BallotCast', data: { topicId: 't-1', voterId: 'resident-1', ballotId: 'b-1', assisted: true } };
  const ctx = { now, actor: SYSTEM_ACTOR };

  it('takes a withdrawn ballot off the roll without a choice, and lets the resident vote again', () => {
    const [withdrawn] = voterRollDecider.decide(
      { type: 'WithdrawVoter', data: { boxId: 't-1', voterId: 'resident-1' } },
      roll([cast]),
      ctx,
    );
    expect(withdrawn).toEqual({
      type: 'BallotWithdrawn',
      data: { topicId: 't-1', voterId: 'resident-1', ballotId: 'b-1', assisted: true },
    });
    expectContractOf(withdrawn, 2, now);
    expect(
      voterRollDecider.decide({ type: 'WithdrawVoter', data: { boxId: 't-1', voterId: 'resident-1' } }, roll([cast, withdrawn]), ctx),
    ).toEqual([]);
    const again = voterRollDecider.decide(
      { type: 'RecordVoter', data: { boxId: 't-1', voterId: 'resident-1', ballotId: 'b-2', assisted: false } },
      roll([cast, withdrawn]),
      ctx,
    );
    expect(again).toEqual([{ type: 'BallotCast', data: { topicId: 't-1', voterId: 'resident-1', ballotId: 'b-2', assisted: false } }]);
  });
});
