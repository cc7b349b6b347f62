/** What may be asked of a topic. Commands are imperative; the decider answers with events or a DomainError. */
export type TopicCommand =
  | {
      type: 'ProposeTopic';
      data: {
        topicId: string;
        communityId: string;
        gridId: string | null;
        title: string;
        description: string;
        anonymous: boolean;
        /** A building's own topic: the building as the register holds it (looked up by the handler). */
        building?: BuildingScope | null;
        /** An interest group's own topic: the group as its stream holds it (looked up by the handler). */
        group?: GroupScope | null;
        /** 联署: the city's setting and the proposer's privileges, looked up by the handler. Absent: no co-signing. */
        coSigning?: CoSigningRule;
        /** An anonymous proposer's keyed mark (see TopicProposed), made by the handler under the service secret. */
        anonymousProposerMark?: string;
      };
    }
  /** The co-signer's keyed mark for this topic, made as the proposer's was, so an anonymous proposer is known as such. */
  | { type: 'CoSignTopic'; data: { coSignerMark?: string } }
  | { type: 'ScreenTopic'; data: { outcome: 'accepted' | 'merged' | 'rejected'; reason: string | null; mergedIntoTopicId: string | null } }
  | { type: 'OpenConsultation'; data: { draftPlan: string | null } }
  | { type: 'AddStakeholderInput'; data: { stakeholder: string; input: string } }
  | { type: 'OpenDiscussion'; data: { meetingAt: string | null } }
  | { type: 'RecordAttendance'; data: { residentIds: readonly string[]; participation: 'in_person' | 'online' | 'assisted' } }
  | { type: 'OpenVoting'; data: OpenVotingData }
  /** Issued by the voting deadline with the ballot box's counts; never by a person. */
  | { type: 'CloseVoting'; data: { counts: Readonly<Record<string, number>>; assistedBallots?: number } }
  | { type: 'DecideTopic'; data: { result: 'adopted' | 'rejected'; reasons: string; responsibleDepartmentIds: readonly string[] } }
  | { type: 'ReportProgress'; data: { percent: number; note: string; photoIds: readonly string[] } }
  | { type: 'CompleteTopic'; data: { summary: string; afterPhotoIds: readonly string[] } }
  | { type: 'EvaluateTopic'; data: { score: number; comment: string | null } };

export interface CoSigningRule {
  /** GONGZHI_TOPIC_COSIGNERS: co-signers a resident's topic waits for before screening. */
  readonly required: number;
  /** What the proposer's level unlocks, as points last announced it. */
  readonly proposerPrivileges: readonly string[];
}

export interface BuildingScope {
  readonly buildingId: string;
  readonly communityId: string;
  readonly gridId: string;
  readonly residentIds: readonly string[];
}

export interface GroupScope {
  readonly groupId: string;
  readonly communityId: string;
  readonly name: string;
  readonly memberIds: readonly string[];
}

export interface VotingOption {
  readonly optionId: string;
  readonly label: string;
}

export interface OpenVotingData {
  readonly closesAt: string;
  readonly options: readonly VotingOption[];
  readonly eligibility: {
    readonly scope: 'community' | 'grid' | 'building' | 'group';
    readonly scopeId: string;
    readonly roster: readonly string[] | null;
    readonly verifiedOnly: boolean;
  };
  /**
   * Looked up by the handler when voting opens, never typed: the verified residents of the topic's community
   * (of its grid, for a grid or building vote). The roll is drawn from them.
   */
  readonly verifiedResidents: readonly string[];
  readonly quorumPercent: number;
  readonly passThresholdPercent: number;
}
