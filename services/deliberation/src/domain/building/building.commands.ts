/** What the register knows of a resident, looked up by the handler: never typed by the officer. */
export interface ResidentLookup {
  readonly residentId: string;
  readonly gridId: string | null;
  readonly verified: boolean;
}

export type RegisterBuilding = {
  type: 'RegisterBuilding';
  data: { buildingId: string; communityId: string; gridId: string; name: string; units: string[] };
};
export type RecordHome = {
  type: 'RecordHome';
  data: { homeId: string; unit: string; number: string; areaHundredths: number; owners: ResidentLookup[] };
};
export type RecordResident = { type: 'RecordResident'; data: { homeId: string; resident: ResidentLookup } };
export type OpenHeadElection = {
  type: 'OpenHeadElection';
  data: {
    electionId: string;
    candidates: { residentId: string; displayName: string }[];
    closesAt: string;
    quorumPercent: number;
    /** The building's residents as the register knows them now: only the verified ones go on the roll. */
    residents: ResidentLookup[];
  };
};
/** Counts from the sealed box: ballots per candidate. */
export type CloseHeadElection = { type: 'CloseHeadElection'; data: { electionId: string; counts: Record<string, number> } };

export type BuildingCommand = RegisterBuilding | RecordHome | RecordResident | OpenHeadElection | CloseHeadElection;
