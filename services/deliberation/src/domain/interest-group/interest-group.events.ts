import type { ContractDomainEvent } from '@gongzhi/contracts';

export type InterestGroupCreated = ContractDomainEvent<'InterestGroupCreated'>;
export type InterestGroupJoined = ContractDomainEvent<'InterestGroupJoined'>;
export type InterestGroupLeft = ContractDomainEvent<'InterestGroupLeft'>;

export type InterestGroupEvent = InterestGroupCreated | InterestGroupJoined | InterestGroupLeft;
