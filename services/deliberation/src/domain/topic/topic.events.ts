import type { DomainEvent } from '@gongzhi/eventsourcing';
import type { PublicEventData, PublicEventType } from '@gongzhi/contracts';

/** Every event this service stores is public: its data is exactly its contract's data. */
export type Public<Type extends PublicEventType> = DomainEvent<Type, PublicEventData<Type>>;

export type TopicEventType =
  | 'TopicProposed'
  | 'TopicScreened'
  | 'ConsultationOpened'
  | 'StakeholderInputAdded'
  | 'DiscussionOpened'
  | 'MeetingAttended'
  | 'VotingRollRecorded'
  | 'VotingOpened'
  | 'VotingClosed'
  | 'TopicDecided'
  | 'SuggestionAdopted'
  | 'ImplementationProgressReported'
  | 'TopicCompleted'
  | 'TopicEvaluated';

export type TopicProposed = Public<'TopicProposed'>;
export type TopicScreened = Public<'TopicScreened'>;
export type ConsultationOpened = Public<'ConsultationOpened'>;
export type StakeholderInputAdded = Public<'StakeholderInputAdded'>;
export type DiscussionOpened = Public<'DiscussionOpened'>;
export type MeetingAttended = Public<'MeetingAttended'>;
export type VotingRollRecorded = Public<'VotingRollRecorded'>;
export type VotingOpened = Public<'VotingOpened'>;
export type VotingClosed = Public<'VotingClosed'>;
export type TopicDecided = Public<'TopicDecided'>;
export type SuggestionAdopted = Public<'SuggestionAdopted'>;
export type ImplementationProgressReported = Public<'ImplementationProgressReported'>;
export type TopicCompleted = Public<'TopicCompleted'>;
export type TopicEvaluated = Public<'TopicEvaluated'>;

export type TopicEvent =
  | TopicProposed
  | TopicScreened
  | ConsultationOpened
  | StakeholderInputAdded
  | DiscussionOpened
  | MeetingAttended
  | VotingRollRecorded
  | VotingOpened
  | VotingClosed
  | TopicDecided
  | SuggestionAdopted
  | ImplementationProgressReported
  | TopicCompleted
  | TopicEvaluated;
