/** A resident as the register knows them: where they live and whether an officer has verified who they are. */
export interface RegisteredResident {
  readonly residentId: string;
  /** The name they go by on the platform, as their account shows it. */
  readonly displayName: string;
  readonly communityId: string | null;
  readonly gridId: string | null;
  readonly verified: boolean;
}

/** The places a roll is drawn from: every verified resident of a community, or of one grid of it. */
export type RollPlace = { readonly communityId: string; readonly gridId: string | null };

/**
 * Port: who the residents of the city are. The roll of a vote and the resident of an assisted ballot are
 * looked up here, never taken from what an officer or a worker types.
 */
export interface ResidentRegister {
  find(residentId: string): Promise<RegisteredResident | undefined>;
  /** The ids of the verified residents living in the place now, sorted. */
  verifiedResidentsOf(place: RollPlace): Promise<string[]>;
}

export const RESIDENT_REGISTER = Symbol('deliberation:RESIDENT_REGISTER');
