export interface Home {
  readonly homeId: string;
  readonly unit: string;
  readonly number: string;
  readonly areaHundredths: number;
  readonly ownerIds: readonly string[];
}

export interface HeadElection {
  readonly electionId: string;
  readonly candidates: readonly { readonly residentId: string; readonly displayName: string }[];
  readonly closesAt: string;
  readonly quorumPercent: number;
  readonly roll: readonly string[];
  readonly status: 'Open' | 'Closed';
}

export type BuildingState =
  | { readonly status: 'None' }
  | {
      readonly status: 'Registered';
      readonly buildingId: string;
      readonly communityId: string;
      readonly gridId: string;
      readonly name: string;
      readonly units: readonly string[];
      readonly homes: Readonly<Record<string, Home>>;
      /** Resident id → the home they live in. */
      readonly residents: Readonly<Record<string, string>>;
      readonly election: HeadElection | null;
      readonly headResidentId: string | null;
    };

export type RegisteredBuilding = Extract<BuildingState, { status: 'Registered' }>;
