import type { PublicEventData } from '@gongzhi/contracts';

export type TopicStatus =
  /** 联署: waiting for its co-signers before it goes to screening. */
  | 'AwaitingCoSigners'
  | 'Proposed'
  | 'Accepted'
  | 'Rejected'
  | 'Merged'
  | 'Consultation'
  | 'Discussion'
  | 'Voting'
  | 'VotingClosed'
  | 'Decided'
  | 'Implementation'
  | 'Completed';

export interface Topic {
  readonly status: TopicStatus;
  readonly topicId: string;
  readonly communityId: string;
  readonly gridId: string | null;
  /** 小事不出楼栋: a topic of one building, for its residents alone; null for a community's topic. */
  readonly buildingId: string | null;
  /** 兴趣社团: a topic of one interest group, for its members alone; null otherwise. */
  readonly groupId: string | null;
  readonly title: string;
  readonly description: string;
  readonly anonymous: boolean;
  /** Null when the proposer chose to stay anonymous: the service never learns it from the stream. */
  readonly proposerId: string | null;
  /** 联署: how many co-signers the topic waits for (0: none) and who co-signed, each once. */
  readonly coSignersNeeded: number;
  readonly coSignerIds: readonly string[];
  /** An anonymous topic waiting for co-signers: its proposer's keyed mark; null otherwise. */
  readonly anonymousProposerMark: string | null;
  readonly screening: PublicEventData<'TopicScreened'> | null;
  readonly draftPlan: string | null;
  readonly stakeholderInputs: number;
  readonly meeting: { readonly meetingId: string; readonly at: string | null; readonly attendees: readonly string[] } | null;
  readonly voting: PublicEventData<'VotingOpened'> | null;
  /** Who may vote, drawn when voting opened; null on votes opened before rolls were recorded. */
  readonly roll: ReadonlySet<string> | null;
  readonly result: PublicEventData<'VotingClosed'> | null;
  readonly decision: PublicEventData<'TopicDecided'> | null;
  readonly progressPercent: number;
  readonly completion: PublicEventData<'TopicCompleted'> | null;
  readonly evaluations: readonly { readonly residentId: string; readonly score: number }[];
}

export type TopicState = { readonly status: 'None' } | Topic;

export const initialTopicState = (): TopicState => ({ status: 'None' });
