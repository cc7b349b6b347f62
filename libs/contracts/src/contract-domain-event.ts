import type { PublicEventData, PublicEventType } from './catalogue';

/**
 * An event a service stores whose data is exactly the public contract of its type: the relay publishes stored
 * events as they are. It is a `DomainEvent` of @gongzhi/eventsourcing, spelled out here because the contracts
 * depend on no other library.
 */
export interface ContractDomainEvent<Type extends PublicEventType> {
  readonly type: Type;
  readonly data: PublicEventData<Type>;
  readonly schemaVersion?: number;
}
