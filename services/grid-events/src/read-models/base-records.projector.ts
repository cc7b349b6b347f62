import { publicEvents, type BaseRecordDetails, type PublicEvent } from '@gongzhi/contracts';
import type { ConsumerDefinition } from '@gongzhi/messaging';
import { BaseRecord } from './base-record.entity';

export function labelOf(details: BaseRecordDetails): string {
  return details.kind === 'household' ? `${details.buildingName} ${details.unit}` : details.name;
}

/** Keeps the grid registers' lists from this service's own topic; the audit trail itself is read from each entry's stream. */
export function baseRecordsProjector(topic: string): ConsumerDefinition<PublicEvent> {
  return {
    name: 'grid-events.base-records',
    topics: [topic],
    parser: publicEvents,
    async handle(event, manager) {
      const at = event.recordedAt ?? event.occurredAt;
      const updatedBy = event.actor?.id ?? null;
      switch (event.type) {
        case 'BaseRecordRegistered': {
          const { recordId, gridId, details } = event.data;
          await manager.save(BaseRecord, {
            recordId,
            gridId,
            kind: details.kind,
            label: labelOf(details),
            details: JSON.stringify(details),
            status: 'active',
            registeredAt: at,
            updatedAt: at,
            updatedBy,
          });
          return;
        }
        case 'BaseRecordAmended': {
          const row = await manager.findOneBy(BaseRecord, { recordId: event.data.recordId });
          if (!row) return;
          const fields = Object.fromEntries(event.data.changes.map((c) => [c.field, c.to]));
          const details = { ...(JSON.parse(row.details) as BaseRecordDetails), ...fields } as BaseRecordDetails;
          await manager.update(
            BaseRecord,
            { recordId: row.recordId },
            { details: JSON.stringify(details), label: labelOf(details), updatedAt: at, updatedBy },
          );
          return;
        }
        case 'BaseRecordRetired':
          await manager.update(BaseRecord, { recordId: event.data.recordId }, { status: 'retired', updatedAt: at, updatedBy });
          return;
        default:
          return;
      }
    },
  };
}
