/** What may be asked of a resident's time bank, stream `timebank-<residentId>`. */
export type TimeBankCommand =
  | {
      readonly type: 'LogHours';
      readonly data: {
        readonly residentId: string;
        readonly entryId: string;
        /** YYYY-MM-DD, Asia/Shanghai. */
        readonly serviceDate: string;
        readonly hours: number;
        readonly activity: string;
        /** The organiser or the recipient, who verifies the hours. */
        readonly verifierId: string;
        /** The volunteer's community, from their token: its officers may verify the hours too. */
        readonly communityId: string | null;
      };
    }
  | { readonly type: 'VerifyHours'; readonly data: { readonly residentId: string; readonly entryId: string } }
  | { readonly type: 'RejectHours'; readonly data: { readonly residentId: string; readonly entryId: string; readonly reason: string } }
  | {
      readonly type: 'SpendHours';
      readonly data: {
        readonly residentId: string;
        readonly spendingId: string;
        readonly hours: number;
        readonly providerId: string;
        readonly serviceDescription: string;
      };
    }
  | {
      readonly type: 'TransferHours';
      readonly data: { readonly residentId: string; readonly transferId: string; readonly toResidentId: string; readonly hours: number };
    }
  | {
      readonly type: 'ReceiveHours';
      readonly data: { readonly residentId: string; readonly transferId: string; readonly fromResidentId: string; readonly hours: number };
    };
