import { DomainError, type DecisionContext, type Decider } from '@gongzhi/eventsourcing';
import { authorityCovers, cityTree } from '@gongzhi/identity';
import type { Caller } from '../caller';
import { turnoutOf } from '../voting/roll';
import type {
  BuildingCommand,
  CloseHeadElection,
  OpenHeadElection,
  RecordHome,
  RecordResident,
  RegisterBuilding,
  ResidentLookup,
} from './building.commands';
import type { BuildingEvent } from './building.events';
import type { BuildingState, RegisteredBuilding } from './building.state';

// 楼栋自治: one stream per building. Its homes, owners and residents are the rolls of the building's own votes.

export const buildingStreamId = (buildingId: string) => `building-${buildingId}`;

export interface BuildingContext extends DecisionContext {
  readonly caller: Caller;
}

const BUILDING_STAFF = ['grid_worker', 'community_officer', 'street_officer', 'admin'] as const;

/** The grid worker of the building's grid, or an officer over its community. */
export function assertStaffOfGrid(caller: Caller, gridId: string): void {
  if (authorityCovers(caller, cityTree().placeOfGrid(gridId), BUILDING_STAFF)) return;
  throw new DomainError('BUILDING.FORBIDDEN', `needs the grid worker of ${gridId} or an officer of its community`, { gridId });
}

function registered(state: BuildingState): RegisteredBuilding {
  if (state.status === 'None') throw new DomainError('BUILDING.NOT_FOUND', 'no such building');
  return state;
}

const livesInGrid = (resident: ResidentLookup, gridId: string) => resident.verified && resident.gridId === gridId;

function registerBuilding({ data }: RegisterBuilding, state: BuildingState, caller: Caller): BuildingEvent[] {
  if (state.status !== 'None') throw new DomainError('BUILDING.ALREADY_EXISTS', `building ${data.buildingId} is registered already`);
  assertStaffOfGrid(caller, data.gridId);
  const units = [...new Set(data.units)];
  if (units.length !== data.units.length) throw new DomainError('BUILDING.UNITS_REPEATED', 'each unit is named once', { field: 'units' });
  return [{ type: 'BuildingRegistered', data: { ...data, units } }];
}

function recordHome({ data }: RecordHome, building: RegisteredBuilding, caller: Caller): BuildingEvent[] {
  assertStaffOfGrid(caller, building.gridId);
  if (!building.units.includes(data.unit)) {
    throw new DomainError('BUILDING.UNKNOWN_UNIT', `no unit ${data.unit}; the units are ${building.units.join(', ')}`, { field: 'unit' });
  }
  const sameDoor = Object.values(building.homes).find((h) => h.unit === data.unit && h.number === data.number && h.homeId !== data.homeId);
  if (sameDoor) {
    throw new DomainError('BUILDING.HOME_EXISTS', `unit ${data.unit} already has a home ${data.number} (${sameDoor.homeId})`, {
      field: 'number',
      homeId: sameDoor.homeId,
    });
  }
  // An owner is a person an officer has met: an unverified or made-up account would be a second vote for the home's neighbour.
  const strangers = data.owners.filter((o) => !o.verified).map((o) => o.residentId);
  if (strangers.length > 0) {
    throw new DomainError('BUILDING.OWNER_NOT_VERIFIED', `not verified residents: ${strangers.join(', ')}`, {
      field: 'ownerIds',
      residentIds: strangers,
    });
  }
  const ownerIds = [...new Set(data.owners.map((o) => o.residentId))].sort();
  return [
    {
      type: 'HomeRecorded',
      data: {
        buildingId: building.buildingId,
        homeId: data.homeId,
        unit: data.unit,
        number: data.number,
        areaHundredths: data.areaHundredths,
        ownerIds,
      },
    },
  ];
}

function recordResident({ data }: RecordResident, building: RegisteredBuilding, caller: Caller): BuildingEvent[] {
  assertStaffOfGrid(caller, building.gridId);
  if (!building.homes[data.homeId])
    throw new DomainError('BUILDING.UNKNOWN_HOME', `no home ${data.homeId} in this building`, { field: 'homeId' });
  if (!livesInGrid(data.resident, building.gridId)) {
    throw new DomainError('BUILDING.RESIDENT_NOT_OF_GRID', `${data.resident.residentId} is not a verified resident of ${building.gridId}`, {
      field: 'residentId',
    });
  }
  if (building.residents[data.resident.residentId] === data.homeId) return [];
  return [
    {
      type: 'BuildingResidentRecorded',
      data: { buildingId: building.buildingId, residentId: data.resident.residentId, homeId: data.homeId },
    },
  ];
}

function openHeadElection({ data }: OpenHeadElection, building: RegisteredBuilding, caller: Caller, now: Date): BuildingEvent[] {
  assertStaffOfGrid(caller, building.gridId);
  if (building.election?.status === 'Open') {
    throw new DomainError('BUILDING.ELECTION_OPEN', `election ${building.election.electionId} is still open`);
  }
  if (Date.parse(data.closesAt) <= now.getTime()) {
    throw new DomainError('VOTING.CLOSES_IN_PAST', 'the election must close in the future', { field: 'closesAt' });
  }
  // The roll is looked up, never typed: the building's recorded residents the register still knows as verified residents of its grid.
  const roll = data.residents
    .filter((r) => building.residents[r.residentId] !== undefined && livesInGrid(r, building.gridId))
    .map((r) => r.residentId)
    .sort();
  if (roll.length === 0) throw new DomainError('BUILDING.ROLL_EMPTY', 'no verified resident is recorded in this building yet');
  const strangers = data.candidates.filter((c) => !roll.includes(c.residentId)).map((c) => c.residentId);
  if (strangers.length > 0) {
    throw new DomainError(
      'BUILDING.CANDIDATE_NOT_RESIDENT',
      `candidates must be verified residents of the building: ${strangers.join(', ')}`,
      {
        field: 'candidates',
        residentIds: strangers,
      },
    );
  }
  if (new Set(data.candidates.map((c) => c.residentId)).size !== data.candidates.length) {
    throw new DomainError('BUILDING.CANDIDATE_REPEATED', 'each candidate stands once', { field: 'candidates' });
  }
  return [
    {
      type: 'BuildingHeadElectionOpened',
      data: {
        buildingId: building.buildingId,
        electionId: data.electionId,
        candidates: data.candidates,
        closesAt: data.closesAt,
        quorumPercent: data.quorumPercent,
        residentIds: roll,
        eligibleVoters: roll.length,
      },
    },
  ];
}

/**
 * The head is the candidate with the most votes, when turnout reached the quorum and nobody tied with them.
 * A timer that finds the election already closed does nothing.
 */
function closeHeadElection({ data }: CloseHeadElection, building: RegisteredBuilding, caller: Caller, now: Date): BuildingEvent[] {
  const election = building.election;
  if (!election || election.electionId !== data.electionId) throw new DomainError('BUILDING.ELECTION_NOT_FOUND', 'no such election');
  if (!caller.roles.includes('system')) assertStaffOfGrid(caller, building.gridId);
  if (election.status === 'Closed') return [];
  if (now.getTime() < Date.parse(election.closesAt)) throw new DomainError('VOTING.NOT_DUE', `voting closes at ${election.closesAt}`);
  const tally = election.candidates.map(({ residentId }) => ({ residentId, votes: data.counts[residentId] ?? 0 }));
  const ballotsCast = tally.reduce((sum, c) => sum + c.votes, 0);
  const turnoutPercent = turnoutOf(ballotsCast, election.roll.length);
  const quorumMet = ballotsCast > 0 && turnoutPercent >= election.quorumPercent;
  const top = Math.max(0, ...tally.map((c) => c.votes));
  const leaders = tally.filter((c) => c.votes === top && top > 0);
  return [
    {
      type: 'BuildingHeadElectionClosed',
      data: {
        buildingId: building.buildingId,
        electionId: election.electionId,
        tally,
        ballotsCast,
        eligibleVoters: election.roll.length,
        turnoutPercent,
        quorumMet,
        headResidentId: quorumMet && leaders.length === 1 ? leaders[0].residentId : null,
      },
    },
  ];
}

export const buildingDecider: Decider<BuildingState, BuildingCommand, BuildingEvent, BuildingContext> = {
  initialState: () => ({ status: 'None' }),

  decide(command, state, { caller, now }) {
    switch (command.type) {
      case 'RegisterBuilding':
        return registerBuilding(command, state, caller);
      case 'RecordHome':
        return recordHome(command, registered(state), caller);
      case 'RecordResident':
        return recordResident(command, registered(state), caller);
      case 'OpenHeadElection':
        return openHeadElection(command, registered(state), caller, now);
      case 'CloseHeadElection':
        return closeHeadElection(command, registered(state), caller, now);
      default: {
        const unknown: never = command;
        throw new Error(`unknown building command ${JSON.stringify(unknown)}`);
      }
    }
  },

  evolve(state, event) {
    if (event.type === 'BuildingRegistered') {
      return { status: 'Registered', ...event.data, homes: {}, residents: {}, election: null, headResidentId: null };
    }
    if (state.status === 'None') return state;
    switch (event.type) {
      case 'HomeRecorded': {
        const { buildingId: _building, ...home } = event.data;
        return { ...state, homes: { ...state.homes, [home.homeId]: home } };
      }
      case 'BuildingResidentRecorded':
        return { ...state, residents: { ...state.residents, [event.data.residentId]: event.data.homeId } };
      case 'BuildingHeadElectionOpened': {
        const { electionId, candidates, closesAt, quorumPercent, residentIds } = event.data;
        return { ...state, election: { electionId, candidates, closesAt, quorumPercent, roll: residentIds, status: 'Open' } };
      }
      case 'BuildingHeadElectionClosed':
        return {
          ...state,
          election: state.election && { ...state.election, status: 'Closed' },
          headResidentId: event.data.headResidentId ?? state.headResidentId,
        };
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },
};
