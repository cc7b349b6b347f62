import { deciderSpec } from '@gongzhi/testing';
import type { Caller } from '../caller';
import { interestGroupDecider } from './interest-group.decider';
import type { InterestGroupEvent } from './interest-group.events';

const DECIDED_AT = new Date('2026-11-26T09:00:00.000Z');
const HEXIE = { cityId: 'city-shanghai', districtId: 'district-huangpu', streetId: 'street-nanjingdong', communityId: 'community-hexie' };
const officer: Caller = { subject: 'officer-1', roles: ['community_officer'], scope: HEXIE, verification: 'verified' };
const wang: Caller = { subject: 'res-wang', roles: ['resident'], scope: { ...HEXIE, gridId: 'grid-hexie-01' }, verification: 'verified' };
const li: Caller = { ...wang, subject: 'res-li' };
const unverified: Caller = { ...wang, subject: 'res-new', verification: 'unverified' };
const stranger: Caller = { ...wang, subject: 'res-far', scope: { communityId: 'community-other', gridId: 'grid-other-01' } };
const otherOfficer: Caller = { ...officer, subject: 'officer-2', scope: { communityId: 'community-other' } };
const spec = deciderSpec(interestGroupDecider, { caller: wang, now: DECIDED_AT });

const taiji = { groupId: 'g1', communityId: 'community-hexie', name: '太极拳社', description: '每天早上七点在中心花园' };
const create = { type: 'CreateInterestGroup' as const, data: taiji };
const createdByStaff: InterestGroupEvent = { type: 'InterestGroupCreated', data: { ...taiji, founderId: null } };
const joined = (residentId: string): InterestGroupEvent => ({ type: 'InterestGroupJoined', data: { groupId: 'g1', residentId } });
const join = { type: 'JoinInterestGroup' as const, data: {} };
const leave = { type: 'LeaveInterestGroup' as const, data: {} };

describe('an interest group (兴趣社团)', () => {
  describe('when not created', () => {
    it('is created by an officer of its community, with no founder and no members', () => {
      spec.given([]).when(create, { caller: officer }).then([createdByStaff]);
    });

    it('is founded by a verified resident of the community, who joins it at once', () => {
      spec
        .given([])
        .when(create)
        .then([{ type: 'InterestGroupCreated', data: { ...taiji, founderId: 'res-wang' } }, joined('res-wang')]);
    });

    it('is refused to an officer or a resident of another community, and to an unverified account', () => {
      spec.given([]).when(create, { caller: otherOfficer }).thenThrows('GROUP.FORBIDDEN');
      spec.given([]).when(create, { caller: stranger }).thenThrows('GROUP.FORBIDDEN');
      spec.given([]).when(create, { caller: unverified }).thenThrows('GROUP.RESIDENT_NOT_VERIFIED');
    });

    it('cannot be joined or left', () => {
      spec.given([]).when(join).thenThrows('GROUP.NOT_FOUND');
      spec.given([]).when(leave).thenThrows('GROUP.NOT_FOUND');
    });
  });

  describe('when created', () => {
    it('takes a verified resident of its community who asks to join, once', () => {
      spec
        .given([createdByStaff])
        .when(join)
        .then([joined('res-wang')]);
      spec
        .given([createdByStaff, joined('res-wang')])
        .when(join)
        .then([]);
    });

    it('refuses a resident of another community, an unverified account and an officer', () => {
      spec.given([createdByStaff]).when(join, { caller: stranger }).thenThrows('GROUP.FORBIDDEN');
      spec.given([createdByStaff]).when(join, { caller: unverified }).thenThrows('GROUP.RESIDENT_NOT_VERIFIED');
      spec.given([createdByStaff]).when(join, { caller: officer }).thenThrows('GROUP.FORBIDDEN');
    });

    it('lets a member leave, and only themselves; leaving twice changes nothing', () => {
      spec
        .given([createdByStaff, joined('res-wang'), joined('res-li')])
        .when(leave, { caller: li })
        .then([{ type: 'InterestGroupLeft', data: { groupId: 'g1', residentId: 'res-li' } }]);
      spec
        .given([createdByStaff, joined('res-wang')])
        .when(leave, { caller: li })
        .then([]);
    });

    it('cannot be created twice', () => {
      spec.given([createdByStaff]).when(create, { caller: officer }).thenThrows('GROUP.ALREADY_EXISTS');
    });
  });

  it('keeps its members sorted, without those who left', () => {
    const events: InterestGroupEvent[] = [
      createdByStaff,
      joined('res-wang'),
      joined('res-li'),
      { type: 'InterestGroupLeft', data: { groupId: 'g1', residentId: 'res-wang' } },
      joined('res-chen'),
    ];
    const state = events.reduce(interestGroupDecider.evolve, interestGroupDecider.initialState());
    expect(state).toMatchObject({ status: 'Active', name: '太极拳社', memberIds: ['res-chen', 'res-li'] });
  });
});
