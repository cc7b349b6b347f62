import type { ContractDomainEvent } from '@gongzhi/contracts';

export type AssignmentEvent =
  | ContractDomainEvent<'AssignmentCreated'>
  | ContractDomainEvent<'AssignmentAcknowledged'>
  | ContractDomainEvent<'AssignmentProgressReported'>
  | ContractDomainEvent<'AssignmentCompleted'>
  | ContractDomainEvent<'AssignmentDeclined'>
  | ContractDomainEvent<'AssignmentWithdrawn'>;
