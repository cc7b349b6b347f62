import { deciderSpec } from '@gongzhi/testing';
import { baseRecordDecider } from './base-record.decider';
import { baseRecordEvent } from './base-record.events';

const { given } = deciderSpec(baseRecordDecider, { actor: { id: 'demo-grid-worker', kind: 'user' } });

const lift = {
  kind: 'facility' as const,
  facilityKind: 'lift' as const,
  name: '3号楼1单元电梯',
  buildingName: '和谐路3号楼',
  lat: null,
  long: null,
  condition: 'working' as const,
};
const registered = baseRecordEvent('BaseRecordRegistered', {
  recordId: 'f-1',
  gridId: 'grid-hexie-01',
  communityId: 'community-hexie',
  details: lift,
});
const register = {
  type: 'RegisterBaseRecord' as const,
  data: { recordId: 'f-1', gridId: 'grid-hexie-01', communityId: 'community-hexie', details: lift },
};
const retired = baseRecordEvent('BaseRecordRetired', { recordId: 'f-1', gridId: 'grid-hexie-01', kind: 'facility', reason: '电梯已拆除' });

describe('an entry of the grid register (人、地、事、物、组织)', () => {
  describe('when nothing is registered', () => {
    it('registers the entry with its details', () => {
      given([]).when(register).then([registered]);
    });

    it('refuses to change an entry that does not exist', () => {
      given([])
        .when({ type: 'AmendBaseRecord', data: { fields: { condition: 'faulty' } } })
        .thenThrows('BASE_RECORD.NOT_FOUND');
    });

    it('refuses to retire an entry that does not exist', () => {
      given([])
        .when({ type: 'RetireBaseRecord', data: { reason: '拆除' } })
        .thenThrows('BASE_RECORD.NOT_FOUND');
    });
  });

  describe('when registered', () => {
    it('refuses the same id a second time', () => {
      given([registered]).when(register).thenThrows('BASE_RECORD.ALREADY_REGISTERED');
    });

    it('records each changed field with its value before and after', () => {
      const state = given([registered])
        .when({ type: 'AmendBaseRecord', data: { fields: { condition: 'faulty', name: '3号楼1单元电梯', lat: 31.2385 } } })
        .then([
          baseRecordEvent('BaseRecordAmended', {
            recordId: 'f-1',
            gridId: 'grid-hexie-01',
            kind: 'facility',
            changes: [
              { field: 'condition', from: 'working', to: 'faulty' },
              { field: 'lat', from: null, to: 31.2385 },
            ],
          }),
        ]);
      expect(state).toMatchObject({ status: 'Active', details: { ...lift, condition: 'faulty', lat: 31.2385 } });
    });

    it('records nothing when every field sent is as it was', () => {
      given([registered])
        .when({ type: 'AmendBaseRecord', data: { fields: { condition: 'working' } } })
        .then([]);
    });

    it('refuses a field the kind does not have, naming it, and the kind itself', () => {
      const refusal = given([registered])
        .when({ type: 'AmendBaseRecord', data: { fields: { size: 3 } } })
        .thenThrows('BASE_RECORD.UNKNOWN_FIELD');
      expect(refusal.details).toEqual({ field: 'size' });
      given([registered])
        .when({ type: 'AmendBaseRecord', data: { fields: { kind: 'household' } } })
        .thenThrows('BASE_RECORD.UNKNOWN_FIELD');
    });

    it('refuses a value the kind does not allow, naming the field', () => {
      const refusal = given([registered])
        .when({ type: 'AmendBaseRecord', data: { fields: { condition: 'broken-ish' } } })
        .thenThrows('BASE_RECORD.INVALID');
      expect(refusal.details).toEqual({ field: 'condition' });
    });

    it('retires the entry with the reason', () => {
      given([registered])
        .when({ type: 'RetireBaseRecord', data: { reason: '电梯已拆除' } })
        .then([retired]);
    });
  });

  describe('when retired', () => {
    it('refuses changes, keeping the history as it is', () => {
      given([registered, retired])
        .when({ type: 'AmendBaseRecord', data: { fields: { condition: 'faulty' } } })
        .thenThrows('BASE_RECORD.RETIRED');
    });

    it('takes a second retirement as done already', () => {
      given([registered, retired])
        .when({ type: 'RetireBaseRecord', data: { reason: '电梯已拆除' } })
        .then([]);
    });
  });

  describe('a household', () => {
    const household = { kind: 'household' as const, buildingName: '和谐路3号楼', unit: '1单元101', size: 3 };
    const householdRegistered = baseRecordEvent('BaseRecordRegistered', {
      recordId: 'h-1',
      gridId: 'grid-hexie-01',
      communityId: 'community-hexie',
      details: household,
    });

    it('keeps a unit and a head count, and records a change of size', () => {
      given([householdRegistered])
        .when({ type: 'AmendBaseRecord', data: { fields: { size: 4 } } })
        .then([
          baseRecordEvent('BaseRecordAmended', {
            recordId: 'h-1',
            gridId: 'grid-hexie-01',
            kind: 'household',
            changes: [{ field: 'size', from: 3, to: 4 }],
          }),
        ]);
    });
  });
});
