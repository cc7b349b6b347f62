import { deciderSpec } from '@gongzhi/testing';
import type { Caller } from '../caller';
import { buildingDecider } from './building.decider';
import type { BuildingEvent } from './building.events';

const DECIDED_AT = new Date('2026-11-26T09:00:00.000Z');
const worker: Caller = {
  subject: 'worker-1',
  roles: ['grid_worker'],
  scope: { communityId: 'community-hexie', gridId: 'grid-hexie-01' },
  verification: 'verified',
};
const otherWorker: Caller = { ...worker, subject: 'worker-2', scope: { communityId: 'community-hexie', gridId: 'grid-hexie-02' } };
const system: Caller = { subject: 'deliberation-deadline', roles: ['system'], scope: {}, verification: 'verified' };
const spec = deciderSpec(buildingDecider, { caller: worker, now: DECIDED_AT });
const lookup = (residentId: string, gridId = 'grid-hexie-01', verified = true) => ({ residentId, gridId, verified });

const registered: BuildingEvent = {
  type: 'BuildingRegistered',
  data: { buildingId: 'b1', communityId: 'community-hexie', gridId: 'grid-hexie-01', name: '3号楼', units: ['1单元', '2单元'] },
};
const home: BuildingEvent = {
  type: 'HomeRecorded',
  data: { buildingId: 'b1', homeId: 'h101', unit: '1单元', number: '101', areaHundredths: 8952, ownerIds: ['res-1'] },
};
const lives = (residentId: string): BuildingEvent => ({
  type: 'BuildingResidentRecorded',
  data: { buildingId: 'b1', residentId, homeId: 'h101' },
});
const opened: BuildingEvent = {
  type: 'BuildingHeadElectionOpened',
  data: {
    buildingId: 'b1',
    electionId: 'e1',
    candidates: [
      { residentId: 'res-1', displayName: '王阿姨' },
      { residentId: 'res-2', displayName: '李师傅' },
    ],
    closesAt: '2026-11-29T09:00:00.000Z',
    quorumPercent: 50,
    residentIds: ['res-1', 'res-2', 'res-3'],
    eligibleVoters: 3,
  },
};
const openElection = {
  type: 'OpenHeadElection' as const,
  data: {
    electionId: 'e1',
    candidates: opened.type === 'BuildingHeadElectionOpened' ? opened.data.candidates : [],
    closesAt: '2026-11-29T09:00:00.000Z',
    quorumPercent: 50,
    residents: [lookup('res-1'), lookup('res-2'), lookup('res-3'), lookup('res-4', 'grid-hexie-01', false)],
  },
};

describe('a building (楼栋自治)', () => {
  describe('when not registered', () => {
    it('is registered by the grid worker of its grid, and by nobody of another grid', () => {
      spec
        .given([])
        .when({ type: 'RegisterBuilding', data: registered.data as never })
        .then([registered]);
      spec
        .given([])
        .when({ type: 'RegisterBuilding', data: registered.data as never }, { caller: otherWorker })
        .thenThrows('BUILDING.FORBIDDEN');
    });
  });

  describe('when registered', () => {
    it('records a home with its floor area and verified owners only', () => {
      const data = { homeId: 'h101', unit: '1单元', number: '101', areaHundredths: 8952 };
      spec
        .given([registered])
        .when({ type: 'RecordHome', data: { ...data, owners: [lookup('res-1')] } })
        .then([home]);
      spec
        .given([registered])
        .when({ type: 'RecordHome', data: { ...data, owners: [lookup('made-up', 'grid-hexie-01', false)] } })
        .thenThrows('BUILDING.OWNER_NOT_VERIFIED');
      spec
        .given([registered])
        .when({ type: 'RecordHome', data: { ...data, unit: '9单元', owners: [lookup('res-1')] } })
        .thenThrows('BUILDING.UNKNOWN_UNIT');
      spec
        .given([registered, home])
        .when({ type: 'RecordHome', data: { ...data, homeId: 'h-other', owners: [lookup('res-1')] } })
        .thenThrows('BUILDING.HOME_EXISTS');
    });

    it('records a verified resident of the grid in a home, once; a resident of another grid is refused', () => {
      spec
        .given([registered, home])
        .when({ type: 'RecordResident', data: { homeId: 'h101', resident: lookup('res-2') } })
        .then([lives('res-2')]);
      spec
        .given([registered, home, lives('res-2')])
        .when({ type: 'RecordResident', data: { homeId: 'h101', resident: lookup('res-2') } })
        .then([]);
      spec
        .given([registered, home])
        .when({ type: 'RecordResident', data: { homeId: 'h101', resident: lookup('res-9', 'grid-hexie-02') } })
        .thenThrows('BUILDING.RESIDENT_NOT_OF_GRID');
    });

    it("opens a head election whose roll is the building's verified recorded residents, not the ones typed", () => {
      const building = [registered, home, lives('res-1'), lives('res-2'), lives('res-3'), lives('res-4')];
      spec.given(building).when(openElection).then([opened]);
      spec
        .given(building)
        .when({ ...openElection, data: { ...openElection.data, candidates: [{ residentId: 'res-9', displayName: '外人' }] } })
        .thenThrows('BUILDING.CANDIDATE_NOT_RESIDENT');
      spec
        .given([...building, opened])
        .when(openElection)
        .thenThrows('BUILDING.ELECTION_OPEN');
    });
  });

  describe('when an election is open', () => {
    const building = [registered, home, lives('res-1'), lives('res-2'), lives('res-3'), opened];
    const close = (counts: Record<string, number>) => ({ type: 'CloseHeadElection' as const, data: { electionId: 'e1', counts } });
    const AFTER = new Date('2026-11-29T09:00:00.000Z');

    it('elects the candidate with the most votes once the window is over and the quorum met', () => {
      spec
        .given(building)
        .when(close({ 'res-1': 1 }), { now: new Date('2026-11-28T09:00:00.000Z') })
        .thenThrows('VOTING.NOT_DUE');
      spec
        .given(building)
        .when(close({ 'res-1': 2, 'res-2': 1 }), { caller: system, now: AFTER })
        .then([
          {
            type: 'BuildingHeadElectionClosed',
            data: {
              buildingId: 'b1',
              electionId: 'e1',
              tally: [
                { residentId: 'res-1', votes: 2 },
                { residentId: 'res-2', votes: 1 },
              ],
              ballotsCast: 3,
              eligibleVoters: 3,
              turnoutPercent: 100,
              quorumMet: true,
              headResidentId: 'res-1',
            },
          },
        ]);
    });

    it('elects nobody on a tie or below the quorum, and a second close does nothing', () => {
      const state = spec
        .given(building)
        .when(close({ 'res-1': 1 }), { now: AFTER })
        .then([expect.objectContaining({ data: expect.objectContaining({ quorumMet: false, headResidentId: null }) }) as never]);
      expect(state.status === 'Registered' && state.election?.status).toBe('Closed');
      spec
        .given(building)
        .when(close({ 'res-1': 1, 'res-2': 1 }), { now: AFTER })
        .then([expect.objectContaining({ data: expect.objectContaining({ quorumMet: true, headResidentId: null }) }) as never]);
    });
  });
});
