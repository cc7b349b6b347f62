import type { ContractDomainEvent, PublicEventData, PublicEventType } from '@gongzhi/contracts';

export function event<Type extends PublicEventType>(type: Type, data: PublicEventData<Type>): ContractDomainEvent<Type> {
  return { type, data };
}

export function minutesBetween(from: string | Date, to: string | Date): number {
  return Math.max(0, Math.round((new Date(to).getTime() - new Date(from).getTime()) / 6e4));
}
