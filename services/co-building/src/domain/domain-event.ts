import { DomainError } from '@gongzhi/eventsourcing';
import type { ContractDomainEvent, PublicEventData, PublicEventType } from '@gongzhi/contracts';

export function event<Type extends PublicEventType>(type: Type, data: PublicEventData<Type>): ContractDomainEvent<Type> {
  return { type, data };
}

export const refuse = (code: string, message: string, details: Record<string, unknown> = {}) => new DomainError(code, message, details);
