import { deciderSpec } from '@gongzhi/testing';
import type { Caller } from '../caller';
import { rotationDecider, type RotationEvent } from './rotation.decider';

const officer: Caller = {
  subject: 'officer-1',
  roles: ['community_officer'],
  scope: { communityId: 'community-hexie' },
  verification: 'verified',
};
const resident = (n: number): Caller => ({
  subject: `res-${n}`,
  roles: ['resident'],
  scope: { communityId: 'community-hexie' },
  verification: 'verified',
});
const DECIDED_AT = new Date('2026-11-26T09:00:00.000Z');
const spec = deciderSpec(rotationDecider, { caller: officer, now: DECIDED_AT });
const volunteered = (n: number): RotationEvent => ({
  type: 'CouncilVolunteerRegistered',
  data: { communityId: 'community-hexie', residentId: `res-${n}`, displayName: `居民${n}` },
});
const rotate = (seats: number, restTerms = 1) => ({ type: 'Rotate' as const, data: { communityId: 'community-hexie', seats, restTerms } });

describe('council rotation (轮值制度)', () => {
  it('lets a resident of the community volunteer once', () => {
    spec
      .given([])
      .when({ type: 'Volunteer', data: { communityId: 'community-hexie', displayName: '居民1' } }, { caller: resident(1) })
      .then([volunteered(1)]);
    spec
      .given([volunteered(1)])
      .when({ type: 'Volunteer', data: { communityId: 'community-hexie', displayName: '居民1' } }, { caller: resident(1) })
      .thenThrows('COUNCIL.ALREADY_VOLUNTEERED');
    spec
      .given([])
      .when({ type: 'Volunteer', data: { communityId: 'community-other', displayName: '居民1' } }, { caller: resident(1) })
      .thenThrows('COUNCIL.FORBIDDEN');
  });

  it('seats no member of the last term again while enough others volunteered', () => {
    const volunteers = [1, 2, 3, 4, 5, 6].map(volunteered);
    const first = spec
      .given(volunteers)
      .when(rotate(3))
      .then([
        expect.objectContaining({ type: 'CouncilRotated', data: expect.objectContaining({ term: 1, volunteers: 6, returning: 0 }) }),
      ] as unknown as RotationEvent[]);
    const firstMembers = new Set(first.terms[0]);
    const second = rotationDecider.decide(rotate(3), first, { now: DECIDED_AT, actor: { id: 'officer-1', kind: 'user' }, caller: officer });
    const secondMembers = (second[0] as Extract<RotationEvent, { type: 'CouncilRotated' }>).data.members.map((m) => m.residentId);
    expect(secondMembers).toHaveLength(3);
    expect(secondMembers.filter((id) => firstMembers.has(id))).toEqual([]);
  });

  it('fills seats with returning members only when too few new volunteers stood, and says how many', () => {
    const state = [1, 2, 3, 4].map(volunteered).reduce(rotationDecider.evolve, rotationDecider.initialState());
    const afterFirst = rotationDecider
      .decide(rotate(3), state, { now: DECIDED_AT, actor: { id: 'o', kind: 'user' }, caller: officer })
      .reduce(rotationDecider.evolve, state);
    const [second] = rotationDecider.decide(rotate(3), afterFirst, { now: DECIDED_AT, actor: { id: 'o', kind: 'user' }, caller: officer });
    expect(second).toMatchObject({ type: 'CouncilRotated', data: { term: 2, returning: 2 } });
  });

  it('draws the same council from the same volunteers (a draw nobody can game by order of sign-up)', () => {
    const forwards = [1, 2, 3, 4, 5].map(volunteered).reduce(rotationDecider.evolve, rotationDecider.initialState());
    const backwards = [5, 4, 3, 2, 1].map(volunteered).reduce(rotationDecider.evolve, rotationDecider.initialState());
    const context = { now: DECIDED_AT, actor: { id: 'o', kind: 'user' as const }, caller: officer };
    expect(rotationDecider.decide(rotate(2), forwards, context)).toEqual(rotationDecider.decide(rotate(2), backwards, context));
  });

  it('refuses a rotation by a resident, or with fewer volunteers than seats', () => {
    spec
      .given([volunteered(1)])
      .when(rotate(1), { caller: resident(1) })
      .thenThrows('COUNCIL.FORBIDDEN');
    spec
      .given([volunteered(1)])
      .when(rotate(3))
      .thenThrows('COUNCIL.TOO_FEW_VOLUNTEERS', { field: 'seats' });
  });
});
