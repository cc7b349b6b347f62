import { deciderSpec } from '@gongzhi/testing';
import type { ProjectEvent } from './project.events';
import { projectDecider, splitIncome } from './project.decider';

const ids = { projectId: 'p-1', communityId: 'community-hexie' };
const leader = { actor: { id: 'resident-wang', kind: 'user' as const } };
const hexieResident = {
  roles: ['resident'],
  scope: { cityId: 'city-shanghai', districtId: 'district-huangpu', streetId: 'street-nanjingdong', communityId: 'community-hexie' },
};
const neighbour = { actor: { id: 'resident-liu', kind: 'user' as const }, participant: hexieResident };
const stranger = { actor: { id: 'resident-zhao', kind: 'user' as const } };
const officer = { actor: { id: 'officer-chen', kind: 'user' as const }, officerOfCommunityId: 'community-hexie' };
const resource = { resourceId: 'r-1', communityId: 'community-hexie' };

const started: ProjectEvent = {
  type: 'CommunityProjectStarted',
  data: { ...ids, title: '读书会', summary: '每周六下午一起读书', category: null, leaderId: 'resident-wang' },
};
const joined: ProjectEvent = { type: 'ProjectTeamMemberJoined', data: { ...ids, memberId: 'resident-liu' } };
const requested: ProjectEvent = {
  type: 'ProjectResourceRequested',
  data: { ...ids, requestId: 'req-1', resourceId: 'r-1', purpose: '借用活动室', requestedBy: 'resident-liu' },
};
const spec = deciderSpec(projectDecider, { teamSharePercent: 70 });

describe('community project decider (社区合伙人)', () => {
  it('is started with a title, one line and a community; the starter leads the team', () => {
    spec
      .given([])
      .when({ type: 'StartProject', data: { ...ids, title: '读书会', summary: '每周六下午一起读书', category: null } }, leader)
      .then([started]);
  });

  it('is not started twice, and takes no other command before it is started', () => {
    spec
      .given([started])
      .when({ type: 'StartProject', data: { ...ids, title: 'x', summary: 'y', category: null } }, leader)
      .thenThrows('PROJECT.ALREADY_STARTED');
    spec.given([]).when({ type: 'JoinTeam', data: {} }, neighbour).thenThrows('PROJECT.NOT_FOUND');
  });

  it('is joined by other residents, once each', () => {
    spec.given([started]).when({ type: 'JoinTeam', data: {} }, neighbour).then([joined]);
    spec.given([started, joined]).when({ type: 'JoinTeam', data: {} }, neighbour).thenThrows('PROJECT.ALREADY_MEMBER');
    spec.given([started]).when({ type: 'JoinTeam', data: {} }, leader).thenThrows('PROJECT.ALREADY_MEMBER');
  });

  it("is open to its community's residents only, unless marked open to the street or the city", () => {
    const xingfu = { roles: ['resident'], scope: { ...hexieResident.scope, communityId: 'community-xingfu' } };
    const jingan = {
      roles: ['resident'],
      scope: { cityId: 'city-shanghai', districtId: 'district-jingan', streetId: 'street-jingansi', communityId: 'community-yanping' },
    };
    const from = (participant: typeof xingfu) => ({ actor: { id: 'resident-liu', kind: 'user' as const }, participant });
    const openTo = (reach: 'street' | 'city'): ProjectEvent => ({ ...started, data: { ...started.data, openTo: reach } }) as ProjectEvent;
    spec.given([started]).when({ type: 'JoinTeam', data: {} }, from(xingfu)).thenThrows('PROJECT.FORBIDDEN');
    spec.given([started]).when({ type: 'JoinTeam', data: {} }, { actor: neighbour.actor }).thenThrows('PROJECT.FORBIDDEN');
    spec
      .given([openTo('street')])
      .when({ type: 'JoinTeam', data: {} }, from(xingfu))
      .then([joined]);
    spec
      .given([openTo('street')])
      .when({ type: 'JoinTeam', data: {} }, from(jingan))
      .thenThrows('PROJECT.FORBIDDEN');
    spec
      .given([openTo('city')])
      .when({ type: 'JoinTeam', data: {} }, from(jingan))
      .then([joined]);
  });

  describe('resource requests', () => {
    it('are made by a team member for a resource of the community pool', () => {
      spec
        .given([started, joined])
        .when(
          { type: 'RequestResource', data: { requestId: 'req-1', resourceId: 'r-1', purpose: '借用活动室' } },
          { ...neighbour, resource },
        )
        .then([requested]);
    });

    it('are refused to a resident outside the team, naming the rule', () => {
      spec
        .given([started])
        .when({ type: 'RequestResource', data: { requestId: 'req-1', resourceId: 'r-1', purpose: 'x' } }, { ...stranger, resource })
        .thenThrows('PROJECT.FORBIDDEN');
    });

    it('need a resource that exists in the same community', () => {
      spec
        .given([started])
        .when({ type: 'RequestResource', data: { requestId: 'req-1', resourceId: 'r-9', purpose: 'x' } }, { ...leader, resource: null })
        .thenThrows('RESOURCE.NOT_FOUND');
      spec
        .given([started])
        .when(
          { type: 'RequestResource', data: { requestId: 'req-1', resourceId: 'r-1', purpose: 'x' } },
          { ...leader, resource: { resourceId: 'r-1', communityId: 'community-other' } },
        )
        .thenThrows('PROJECT.RESOURCE_OF_ANOTHER_COMMUNITY');
    });

    it('are approved or declined with a reason by an officer of the community, once', () => {
      spec
        .given([started, joined, requested])
        .when({ type: 'ApproveResourceRequest', data: { requestId: 'req-1', note: null } }, officer)
        .then([
          {
            type: 'ProjectResourceRequestApproved',
            data: { ...ids, requestId: 'req-1', resourceId: 'r-1', officerId: 'officer-chen', note: null },
          },
        ]);
      const declined: ProjectEvent = {
        type: 'ProjectResourceRequestDeclined',
        data: { ...ids, requestId: 'req-1', resourceId: 'r-1', officerId: 'officer-chen', reason: '活动室周六已满' },
      };
      spec
        .given([started, joined, requested])
        .when({ type: 'DeclineResourceRequest', data: { requestId: 'req-1', reason: '活动室周六已满' } }, officer)
        .then([declined]);
      spec
        .given([started, joined, requested, declined])
        .when({ type: 'ApproveResourceRequest', data: { requestId: 'req-1', note: null } }, officer)
        .thenThrows('PROJECT.REQUEST_ALREADY_DECIDED');
    });

    it('are not decided without a reason, by a resident, by an officer of another community, or when unknown', () => {
      spec
        .given([started, joined, requested])
        .when({ type: 'DeclineResourceRequest', data: { requestId: 'req-1', reason: ' ' } }, officer)
        .thenThrows('PROJECT.REASON_REQUIRED');
      spec
        .given([started, joined, requested])
        .when({ type: 'ApproveResourceRequest', data: { requestId: 'req-1', note: null } }, leader)
        .thenThrows('PROJECT.FORBIDDEN');
      spec
        .given([started, joined, requested])
        .when(
          { type: 'ApproveResourceRequest', data: { requestId: 'req-1', note: null } },
          { ...officer, officerOfCommunityId: 'community-other' },
        )
        .thenThrows('PROJECT.FORBIDDEN');
      spec
        .given([started])
        .when({ type: 'ApproveResourceRequest', data: { requestId: 'req-x', note: null } }, officer)
        .thenThrows('PROJECT_REQUEST.NOT_FOUND');
    });
  });

  it('takes activity reports from its team', () => {
    const report = {
      type: 'ReportActivity' as const,
      data: { activityId: 'act-1', heldOn: '2026-11-28', summary: '读《乡土中国》', participants: 12 },
    };
    spec
      .given([started])
      .when(report, leader)
      .then([
        {
          type: 'ProjectActivityReported',
          data: {
            ...ids,
            activityId: 'act-1',
            heldOn: '2026-11-28',
            summary: '读《乡土中国》',
            participants: 12,
            reportedBy: 'resident-wang',
          },
        },
      ]);
    spec.given([started]).when(report, stranger).thenThrows('PROJECT.FORBIDDEN');
  });

  describe('income', () => {
    const income = {
      type: 'RecordIncome' as const,
      data: { incomeId: 'inc-1', source: 'space_rent' as const, description: '周末场地出租', amountFen: 10_001 },
    };

    it('is split by the configured ratio between the team and the community fund, nothing lost to rounding', () => {
      spec
        .given([started])
        .when(income, leader)
        .then([
          {
            type: 'ProjectIncomeRecorded',
            data: {
              ...ids,
              incomeId: 'inc-1',
              source: 'space_rent',
              description: '周末场地出租',
              amountFen: 10_001,
              teamSharePercent: 70,
              teamShareFen: 7_001,
              fundShareFen: 3_000,
              recordedBy: 'resident-wang',
            },
          },
        ]);
      expect(splitIncome(50_000, 70)).toEqual({ teamShareFen: 35_000, fundShareFen: 15_000 });
      expect(splitIncome(999, 0)).toEqual({ teamShareFen: 0, fundShareFen: 999 });
    });

    it('uses the ratio of the service’s configuration', () => {
      spec
        .given([started])
        .when(income, { ...officer, teamSharePercent: 60 })
        .then([
          {
            type: 'ProjectIncomeRecorded',
            data: {
              ...ids,
              incomeId: 'inc-1',
              source: 'space_rent',
              description: '周末场地出租',
              amountFen: 10_001,
              teamSharePercent: 60,
              teamShareFen: 6_001,
              fundShareFen: 4_000,
              recordedBy: 'officer-chen',
            },
          },
        ]);
    });

    it('is recorded by the team or the community’s officers only, and once', () => {
      spec.given([started]).when(income, stranger).thenThrows('PROJECT.FORBIDDEN');
      const recorded = {
        type: 'ProjectIncomeRecorded' as const,
        data: {
          ...ids,
          incomeId: 'inc-1',
          source: 'space_rent' as const,
          description: 'x',
          amountFen: 1,
          teamSharePercent: 70,
          teamShareFen: 1,
          fundShareFen: 0,
          recordedBy: 'resident-wang',
        },
      };
      spec.given([started, recorded]).when(income, leader).thenThrows('PROJECT.INCOME_ALREADY_RECORDED');
    });
  });
});
