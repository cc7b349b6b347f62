import type { PublicEventData, PublicEventType } from '@gongzhi/contracts';
import type { DomainEvent } from '@gongzhi/eventsourcing';

/** A domain event whose data is, by type, the data of its public contract (the relay publishes it as stored). */
export type ContractEvent<Type extends PublicEventType> = DomainEvent<Type, PublicEventData<Type>>;
