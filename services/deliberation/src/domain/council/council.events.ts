import type { ContractDomainEvent } from '@gongzhi/contracts';

// The meeting's events are its public contracts (libs/contracts/src/events/deliberation/council-meeting.ts), stored as they are.

export type CouncilEvent =
  | ContractDomainEvent<'CouncilMeetingScheduled'>
  | ContractDomainEvent<'CouncilMeetingStarted'>
  | ContractDomainEvent<'MeetingDecisionRecorded'>
  | ContractDomainEvent<'MeetingMinutesRecorded'>
  | ContractDomainEvent<'CouncilMeetingEnded'>
  | ContractDomainEvent<'AgreementDrafted'>
  | ContractDomainEvent<'AgreementSigned'>
  | ContractDomainEvent<'AgreementConcluded'>
  | ContractDomainEvent<'CommitmentCompleted'>
  | ContractDomainEvent<'CommitmentOverdue'>;
