// Commands to a council meeting: plain data, decided by council.decider.ts. Ids and the caller's community
// are settled by the handler, so the decider stays pure.

export interface AgendaItem {
  readonly itemId: string;
  readonly title: string;
}
export type PartyKind = 'community' | 'residents_representative' | 'property_company' | 'owners_committee' | 'department' | 'other';
export interface Party {
  readonly partyId: string;
  readonly kind: PartyKind;
  readonly name: string;
  readonly signatoryId: string;
}
export interface CommitmentSpec {
  readonly commitmentId: string;
  readonly partyId: string;
  readonly description: string;
  readonly dueAt: string;
}
export interface Figures {
  readonly inFavour: number;
  readonly against: number;
  readonly abstaining: number;
}

export type CouncilCommand =
  | {
      type: 'ScheduleMeeting';
      data: {
        meetingId: string;
        communityId: string;
        topicId: string | null;
        title: string;
        scheduledAt: string;
        agenda: readonly AgendaItem[];
        moderatorId: string;
      };
    }
  | { type: 'StartMeeting'; data: Record<string, never> }
  | { type: 'RecordDecision'; data: { decisionId: string; agendaItemId: string | null; text: string; figures: Figures | null } }
  | { type: 'RecordMinutes'; data: { minutes: string } }
  | { type: 'EndMeeting'; data: Record<string, never> }
  | {
      type: 'DraftAgreement';
      data: { agreementId: string; title: string; terms: string; parties: readonly Party[]; commitments: readonly CommitmentSpec[] };
    }
  | { type: 'SignAgreement'; data: Record<string, never> }
  | { type: 'CompleteCommitment'; data: { commitmentId: string; note: string } }
  /** Issued by a commitment's deadline; never by a person. */
  | { type: 'FlagCommitmentOverdue'; data: { commitmentId: string } };
