import type { ContractDomainEvent } from '@gongzhi/contracts';

export type EarlyWarningEvent = ContractDomainEvent<'EarlyWarningRaised'>;
