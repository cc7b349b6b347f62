/** What may be asked of a resident's ledger. */
export type LedgerCommand =
  | {
      readonly type: 'AwardPoints';
      readonly data: {
        readonly residentId: string;
        readonly ruleId: string;
        /** 1 for an event; the hours for volunteer hours (points are per hour). */
        readonly units: number;
        readonly sourceEventId: string;
        readonly sourceEventType: string;
        readonly sourceKey: string | null;
        readonly communityId: string | null;
        readonly categoryCode: string | null;
        /** Who confirmed the action that earns the points (accepted the case, verified the hours). */
        readonly confirmedBy: string | null;
        /**
         * When the participation happened (the source event's time): the phase of that moment decides points or
         * honour, so an award processed late is not judged by a switch that came after. `now` when absent.
         */
        readonly participatedAt?: string;
      };
    }
  | {
      readonly type: 'ReversePoints';
      readonly data: {
        readonly residentId: string;
        readonly match: { readonly sourceKey: string } | { readonly sourceEventId: string };
        readonly reason: string;
      };
    }
  | {
      readonly type: 'UpdateProfile';
      readonly data: { readonly residentId: string; readonly displayName: string; readonly communityId: string | null };
    }
  | {
      readonly type: 'DebitForReward';
      readonly data: {
        readonly residentId: string;
        readonly redemptionId: string;
        readonly rewardId: string;
        readonly rewardName: string;
        readonly points: number;
      };
    }
  | {
      readonly type: 'CancelRedemption';
      readonly data: { readonly residentId: string; readonly redemptionId: string; readonly reason: string };
    }
  | {
      readonly type: 'UseRedemption';
      readonly data: { readonly residentId: string; readonly redemptionId: string; readonly usedBy: string };
    }
  /** A confirmed flag's awards that are not reversed yet are reversed: nothing when the review already did it. */
  | { readonly type: 'ReverseFlaggedAwards'; readonly data: { readonly residentId: string; readonly flagId: string } }
  | {
      readonly type: 'ReviewFlag';
      readonly data: {
        readonly residentId: string;
        readonly flagId: string;
        readonly outcome: 'cleared' | 'confirmed';
        readonly note: string | null;
      };
    };
