import type { RecordedEvent } from '@gongzhi/eventsourcing';

export interface AuditEntry {
  readonly at: string;
  readonly by: string | null;
  readonly action: 'registered' | 'amended' | 'retired';
  readonly changes: readonly { readonly field: string; readonly from: unknown; readonly to: unknown }[];
  readonly reason: string | null;
}

/** The entry's stream read as its audit trail: the envelope says who and when, the event what. */
export function auditTrailOf(recorded: readonly RecordedEvent[]): AuditEntry[] {
  return recorded.flatMap((event): AuditEntry[] => {
    const base = { at: event.occurredAt, by: event.actor?.id ?? null };
    const data = event.data as Record<string, unknown>;
    switch (event.type) {
      case 'BaseRecordRegistered': {
        const details = data.details as Record<string, unknown>;
        const changes = Object.entries(details)
          .filter(([field]) => field !== 'kind')
          .map(([field, to]) => ({ field, from: null, to }));
        return [{ ...base, action: 'registered', changes, reason: null }];
      }
      case 'BaseRecordAmended':
        return [{ ...base, action: 'amended', changes: data.changes as AuditEntry['changes'], reason: null }];
      case 'BaseRecordRetired':
        return [{ ...base, action: 'retired', changes: [], reason: data.reason as string }];
      default:
        return [];
    }
  });
}
