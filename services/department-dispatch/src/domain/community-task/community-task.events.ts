import type { ContractDomainEvent } from '@gongzhi/contracts';

export type CommunityTaskEvent = ContractDomainEvent<'CommunityTaskPushed'> | ContractDomainEvent<'CommunityTaskCompleted'>;
