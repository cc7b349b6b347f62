import { DomainError, type DomainEvent } from '@gongzhi/eventsourcing';
import type { PublicEventData, PublicEventType } from '@gongzhi/contracts';

/** An event this service stores: its data is exactly the public contract of its type (the relay publishes it as it is). */
export type ContractDomainEvent<Type extends PublicEventType> = DomainEvent<Type, PublicEventData<Type>>;

export function event<Type extends PublicEventType>(type: Type, data: PublicEventData<Type>): ContractDomainEvent<Type> {
  return { type, data };
}

export const refuse = (code: string, message: string, details: Record<string, unknown> = {}) => new DomainError(code, message, details);

export function assertNever(value: never): never {
  throw new Error(`Unexpected ${JSON.stringify(value)}`);
}
