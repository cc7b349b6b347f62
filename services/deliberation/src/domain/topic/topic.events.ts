import type { ContractDomainEvent } from '@gongzhi/contracts';

export type TopicEventType =
  | 'TopicProposed'
  | 'TopicCoSigned'
  | 'TopicScopedToBuilding'
  | 'TopicScopedToGroup'
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

export type TopicProposed = ContractDomainEvent<'TopicProposed'>;
export type TopicCoSigned = ContractDomainEvent<'TopicCoSigned'>;
export type TopicScopedToBuilding = ContractDomainEvent<'TopicScopedToBuilding'>;
export type TopicScopedToGroup = ContractDomainEvent<'TopicScopedToGroup'>;
export type TopicScreened = ContractDomainEvent<'TopicScreened'>;
export type ConsultationOpened = ContractDomainEvent<'ConsultationOpened'>;
export type StakeholderInputAdded = ContractDomainEvent<'StakeholderInputAdded'>;
export type DiscussionOpened = ContractDomainEvent<'DiscussionOpened'>;
export type MeetingAttended = ContractDomainEvent<'MeetingAttended'>;
export type VotingRollRecorded = ContractDomainEvent<'VotingRollRecorded'>;
export type VotingOpened = ContractDomainEvent<'VotingOpened'>;
export type VotingClosed = ContractDomainEvent<'VotingClosed'>;
export type TopicDecided = ContractDomainEvent<'TopicDecided'>;
export type SuggestionAdopted = ContractDomainEvent<'SuggestionAdopted'>;
export type ImplementationProgressReported = ContractDomainEvent<'ImplementationProgressReported'>;
export type TopicCompleted = ContractDomainEvent<'TopicCompleted'>;
export type TopicEvaluated = ContractDomainEvent<'TopicEvaluated'>;

export type TopicEvent =
  | TopicProposed
  | TopicCoSigned
  | TopicScopedToBuilding
  | TopicScopedToGroup
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
