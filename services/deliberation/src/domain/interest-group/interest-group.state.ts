export type InterestGroupState =
  | { readonly status: 'None' }
  | {
      readonly status: 'Active';
      readonly groupId: string;
      readonly communityId: string;
      readonly name: string;
      readonly founderId: string | null;
      /** Member ids, sorted: who joined and has not left. */
      readonly memberIds: readonly string[];
    };

export type ActiveInterestGroup = Extract<InterestGroupState, { status: 'Active' }>;
