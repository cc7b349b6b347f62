import type { ContractDomainEvent, PublicEventData } from '@gongzhi/contracts';

// The register's events are its public contracts (libs/contracts/src/events/grid-events-base-data.ts), stored as they are.

export type BaseRecordEventType = 'BaseRecordRegistered' | 'BaseRecordAmended' | 'BaseRecordRetired';

export type BaseRecordEvent = { [Type in BaseRecordEventType]: ContractDomainEvent<Type> }[BaseRecordEventType];

export function baseRecordEvent<Type extends BaseRecordEventType>(
  type: Type,
  data: PublicEventData<Type>,
): Extract<BaseRecordEvent, { type: Type }> {
  return { type, data, schemaVersion: 1 } as Extract<BaseRecordEvent, { type: Type }>;
}

export const baseRecordStreamId = (recordId: string) => `base-record-${recordId}`;
