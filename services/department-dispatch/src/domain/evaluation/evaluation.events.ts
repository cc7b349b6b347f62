import type { ContractDomainEvent } from '@gongzhi/contracts';

export type EvaluatorGrantEvent = ContractDomainEvent<'EvaluatorAccessGranted'>;
export type EvaluationReportEvent = ContractDomainEvent<'EvaluationReportPublished'>;
