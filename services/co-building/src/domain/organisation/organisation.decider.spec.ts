import { deciderSpec } from '@gongzhi/testing';
import { organisationDecider, type OrganisationEvent } from './organisation.decider';

const street = { actor: { id: 'officer-zhao', kind: 'user' as const } };
const spec = deciderSpec(organisationDecider, street);
const ids = { organisationId: 'o-1', communityId: 'community-hexie' };
const registered: OrganisationEvent = {
  type: 'CommunityOrganisationRegistered',
  data: { ...ids, name: '和谐社区老年协会', kind: 'mutual_aid', services: ['助餐', '探访'], registeredBy: 'officer-zhao' },
};
const graded3A: OrganisationEvent = {
  type: 'CommunityOrganisationGraded',
  data: {
    ...ids,
    grade: '3A',
    previousGrade: null,
    evaluatedOn: '2024-06-01',
    validUntil: '2027-05-31',
    evaluatorIds: ['officer-zhao'],
    note: null,
  },
};

describe('organisation decider (社区社会组织 等级评估)', () => {
  it('registers an organisation with its services, once', () => {
    spec
      .given([])
      .when({ type: 'RegisterOrganisation', data: { ...ids, name: '和谐社区老年协会', kind: 'mutual_aid', services: ['助餐', '探访'] } })
      .then([registered]);
    spec
      .given([registered])
      .when({ type: 'RegisterOrganisation', data: { ...ids, name: 'x', kind: 'other', services: ['y'] } })
      .thenThrows('ORGANISATION.ALREADY_REGISTERED');
  });

  it('grades it, and a later grade names the previous one (the history stays)', () => {
    spec
      .given([registered])
      .when({ type: 'GradeOrganisation', data: { grade: '3A', evaluatedOn: '2024-06-01', validUntil: '2027-05-31', note: null } })
      .then([graded3A]);
    spec
      .given([registered, graded3A])
      .when({ type: 'GradeOrganisation', data: { grade: '4A', evaluatedOn: '2026-11-20', validUntil: '2029-11-19', note: '服务覆盖扩大' } })
      .then([
        {
          type: 'CommunityOrganisationGraded',
          data: {
            ...ids,
            grade: '4A',
            previousGrade: '3A',
            evaluatedOn: '2026-11-20',
            validUntil: '2029-11-19',
            evaluatorIds: ['officer-zhao'],
            note: '服务覆盖扩大',
          },
        },
      ]);
  });

  it('refuses a grade of an unknown organisation, a validity before the evaluation, and evaluations out of order', () => {
    spec
      .given([])
      .when({ type: 'GradeOrganisation', data: { grade: '1A', evaluatedOn: '2026-01-01', validUntil: '2027-01-01', note: null } })
      .thenThrows('ORGANISATION.NOT_FOUND');
    spec
      .given([registered])
      .when({ type: 'GradeOrganisation', data: { grade: '1A', evaluatedOn: '2026-01-01', validUntil: '2026-01-01', note: null } })
      .thenThrows('ORGANISATION.INVALID_VALIDITY');
    spec
      .given([registered, graded3A])
      .when({ type: 'GradeOrganisation', data: { grade: '5A', evaluatedOn: '2023-01-01', validUntil: '2026-01-01', note: null } })
      .thenThrows('ORGANISATION.EVALUATION_OUT_OF_ORDER');
  });
});
