import { deciderSpec } from '@gongzhi/testing';
import { caseDecider } from './case.decider';
import { caseEvent } from './case.events';

const { given } = deciderSpec(caseDecider, { actor: { id: 'demo-grid-worker', kind: 'user' } });

const report = {
  caseId: '1',
  categoryCode: 'city.road.pothole',
  description: '路灯不亮',
  location: { lat: 31.2385, long: 121.4778 },
  address: null,
  gridId: 'grid-hexie-01',
  communityId: 'community-hexie',
  streetId: 'street-nanjingdong',
  reporterId: 'resident-9',
  anonymous: false,
  photoIds: [],
  reportedVia: 'resident' as const,
};
const named = (facilityId: string) => caseEvent('CaseFacilityNamed', { caseId: '1', facilityId, gridId: 'grid-hexie-01' });

describe('the facility a case is at', () => {
  describe('when nothing is reported', () => {
    it('refuses to name a facility for a case that does not exist', () => {
      given([])
        .when({ type: 'NameFacility', data: { facilityId: 'f-1' } })
        .thenThrows('CASE.NOT_FOUND');
    });
  });

  describe('when reported without a facility', () => {
    it('names the facility, in the case’s grid', () => {
      const state = given([caseEvent('CaseReported', report)])
        .when({ type: 'NameFacility', data: { facilityId: 'f-1' } })
        .then([named('f-1')]);
      expect(state).toMatchObject({ facilityId: 'f-1' });
    });
  });

  describe('when reported at a facility', () => {
    const reportedAtF1 = caseEvent('CaseReported', { ...report, facilityId: 'f-1' });

    it('takes the same facility named again as done already', () => {
      given([reportedAtF1])
        .when({ type: 'NameFacility', data: { facilityId: 'f-1' } })
        .then([]);
    });

    it('corrects it to another facility', () => {
      given([reportedAtF1])
        .when({ type: 'NameFacility', data: { facilityId: 'f-2' } })
        .then([named('f-2')]);
    });
  });
});
