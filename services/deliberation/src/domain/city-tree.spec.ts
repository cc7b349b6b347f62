import { SYSTEM_ACTOR, type DecisionContext, type Decider, type DomainEvent } from '@gongzhi/eventsourcing';
import { DEMO_CITY_TREE, organisationTreeOfReferenceData, useCityTree } from '@gongzhi/identity';
import { deciderSpec } from '@gongzhi/testing';
import { budgetDecider } from './budget/budget.decider';
import type { Caller } from './caller';
import { councilDecider } from './council/council.decider';
import { interestGroupDecider } from './interest-group/interest-group.decider';
import { volunteerTeamDecider } from './volunteer-team/volunteer-team.decider';

// The tree the deciders ask is the process's (the city's reference data): a community it does not know is no place to
// store a team, a pool, a group or a meeting in, whoever asks; and a street the reference data adds is a street whose
// officer acts in its communities.

const admin: Caller = { subject: 'admin-1', roles: ['admin'], scope: { cityId: 'city-shanghai' }, verification: 'verified' };
const streetOfficer: Caller = {
  subject: 'street-scale-1-officer',
  roles: ['street_officer'],
  scope: { cityId: 'city-shanghai', districtId: 'district-huangpu', streetId: 'street-scale-1' },
  verification: 'verified',
};
const now = new Date('2026-11-26T09:00:00.000Z');

/** What a decider decides for a command on a fresh stream. */
function decided<State, Command, Event extends DomainEvent, Context extends DecisionContext>(
  decider: Decider<State, Command, Event, Context>,
  command: Command,
  context: Omit<Context, 'now' | 'actor'>,
): readonly Event[] {
  return decider.decide(command, decider.initialState(), { now, actor: SYSTEM_ACTOR, ...context } as Context);
}
const typesOf = (events: readonly DomainEvent[]) => events.map((event) => event.type);

const formTeam = (communityId: string) => ({
  type: 'FormTeam' as const,
  data: { teamId: 't1', communityId, name: '环保志愿队', purpose: null, leaderId: null },
});
const openPool = (communityId: string) => ({
  type: 'OpenPool' as const,
  data: { communityId, year: 2026, baseAmountYuan: 100_000, amountYuan: null, previousYear: { satisfaction: null, evaluations: 0 } },
});
const createGroup = (communityId: string) => ({
  type: 'CreateInterestGroup' as const,
  data: { groupId: 'g1', communityId, name: '太极拳社', description: '' },
});
const scheduleMeeting = (communityId: string) => ({
  type: 'ScheduleMeeting' as const,
  data: {
    meetingId: 'm1',
    communityId,
    topicId: null,
    title: '议事会',
    scheduledAt: '2026-12-01T02:00:00.000Z',
    agenda: [{ itemId: 'a1', title: '开场' }],
    moderatorId: 'admin-1',
  },
});

/** The shipped city's street of 南京东路 and, as `GONGZHI_DEMO_SCALE` generates them, two streets of scale communities. */
const districtCity = {
  city: { id: 'city-shanghai' },
  districts: [
    {
      id: 'district-huangpu',
      streets: [
        { id: 'street-nanjingdong', communities: [{ id: 'community-hexie', grids: [{ id: 'grid-hexie-01' }] }] },
        {
          id: 'street-scale-1',
          communities: [1, 2, 3, 4, 5].map((n) => ({ id: `community-scale-${n}`, grids: [{ id: `grid-scale-${n}-01` }] })),
        },
        { id: 'street-scale-2', communities: [{ id: 'community-scale-6', grids: [{ id: 'grid-scale-6-01' }] }] },
      ],
    },
  ],
};

describe('deliberation on the city’s organisation tree', () => {
  afterEach(() => useCityTree(DEMO_CITY_TREE));

  describe('a community the tree does not know', () => {
    it('is no place for a volunteer team, even an admin’s: refused in plain words, naming the field', () => {
      const refusal = deciderSpec(volunteerTeamDecider, { caller: admin })
        .given([])
        .when(formTeam('community-nowhere'))
        .thenThrows('VOLUNTEER_TEAM.UNKNOWN_COMMUNITY', { field: 'communityId' });
      expect(refusal.message).toBe('community-nowhere is not a community of the city');
    });

    it('is no place for a budget pool', () => {
      deciderSpec(budgetDecider, { actor: SYSTEM_ACTOR, caller: admin, now })
        .given([])
        .when(openPool('community-nowhere'))
        .thenThrows('BUDGET.UNKNOWN_COMMUNITY', { field: 'communityId' });
    });

    it('is no place for an interest group', () => {
      deciderSpec(interestGroupDecider, { caller: admin })
        .given([])
        .when(createGroup('community-nowhere'))
        .thenThrows('GROUP.UNKNOWN_COMMUNITY', { field: 'communityId' });
    });

    it('is no place for a council meeting', () => {
      deciderSpec(councilDecider, { caller: admin })
        .given([])
        .when(scheduleMeeting('community-nowhere'))
        .thenThrows('MEETING.UNKNOWN_COMMUNITY', { field: 'communityId' });
    });

    it('is refused while the tree the process loaded does not have it, and taken once it does', () => {
      expect(() => decided(volunteerTeamDecider, formTeam('community-scale-1'), { caller: admin })).toThrow(
        expect.objectContaining({ code: 'VOLUNTEER_TEAM.UNKNOWN_COMMUNITY' }),
      );
      useCityTree(organisationTreeOfReferenceData(districtCity));
      expect(typesOf(decided(volunteerTeamDecider, formTeam('community-scale-1'), { caller: admin }))).toEqual(['VolunteerTeamFormed']);
    });
  });

  describe('a street the reference data adds', () => {
    beforeEach(() => useCityTree(organisationTreeOfReferenceData(districtCity)));

    it('has an officer who forms teams, opens pools, creates groups and schedules meetings in its own communities', () => {
      const caller = streetOfficer;
      expect(typesOf(decided(volunteerTeamDecider, formTeam('community-scale-1'), { caller }))).toEqual(['VolunteerTeamFormed']);
      expect(typesOf(decided(budgetDecider, openPool('community-scale-5'), { caller }))).toEqual(['BudgetPoolOpened']);
      expect(typesOf(decided(interestGroupDecider, createGroup('community-scale-3'), { caller }))).toEqual(['InterestGroupCreated']);
      expect(typesOf(decided(councilDecider, scheduleMeeting('community-scale-2'), { caller }))).toEqual(['CouncilMeetingScheduled']);
    });

    it('has an officer who acts in no community of another street', () => {
      deciderSpec(volunteerTeamDecider, { caller: streetOfficer })
        .given([])
        .when(formTeam('community-scale-6'))
        .thenThrows('VOLUNTEER_TEAM.FORBIDDEN');
      deciderSpec(budgetDecider, { actor: SYSTEM_ACTOR, caller: streetOfficer, now })
        .given([])
        .when(openPool('community-scale-6'))
        .thenThrows('BUDGET.FORBIDDEN');
      deciderSpec(interestGroupDecider, { caller: streetOfficer })
        .given([])
        .when(createGroup('community-scale-6'))
        .thenThrows('GROUP.FORBIDDEN');
      deciderSpec(councilDecider, { caller: streetOfficer })
        .given([])
        .when(scheduleMeeting('community-scale-6'))
        .thenThrows('MEETING.FORBIDDEN');
      deciderSpec(volunteerTeamDecider, { caller: streetOfficer })
        .given([])
        .when(formTeam('community-hexie'))
        .thenThrows('VOLUNTEER_TEAM.FORBIDDEN');
    });
  });
});
