import { baseRecordDetails, type BaseRecordDetails } from '@gongzhi/contracts';
import { assertNever, DomainError, type Decider } from '@gongzhi/eventsourcing';
import type { AmendBaseRecord, BaseRecordCommand } from './base-record.commands';
import { baseRecordEvent, type BaseRecordEvent } from './base-record.events';
import { initialBaseRecordState, type BaseRecordState } from './base-record.state';

type Active = Extract<BaseRecordState, { status: 'Active' }>;

function active(state: BaseRecordState, action: string): Active {
  if (state.status === 'None') throw new DomainError('BASE_RECORD.NOT_FOUND', 'no such entry in the register', {});
  if (state.status === 'Retired') {
    throw new DomainError('BASE_RECORD.RETIRED', `the entry left the register (${state.reason}) and cannot ${action}`, {
      recordId: state.recordId,
    });
  }
  return state;
}

/** Only the fields that really change are recorded, so the audit trail says what changed, not what was sent again. */
function amend(state: Active, { data: { fields } }: AmendBaseRecord): BaseRecordEvent[] {
  const before = state.details as Readonly<Record<string, string | number | null>>;
  const unknown = Object.keys(fields).find((field) => field === 'kind' || !Object.hasOwn(before, field));
  if (unknown) {
    throw new DomainError('BASE_RECORD.UNKNOWN_FIELD', `a ${state.details.kind} has no field ${unknown} that can be changed`, {
      field: unknown,
    });
  }
  const after = baseRecordDetails.safeParse({ ...before, ...fields });
  if (!after.success) {
    const issue = after.error.issues[0]!;
    throw new DomainError('BASE_RECORD.INVALID', `${issue.path.join('.')}: ${issue.message}`, { field: issue.path.join('.') });
  }
  const changes = Object.entries(fields)
    .filter(([field, to]) => before[field] !== to)
    .map(([field, to]) => ({ field, from: before[field] ?? null, to }));
  if (changes.length === 0) return [];
  return [baseRecordEvent('BaseRecordAmended', { recordId: state.recordId, gridId: state.gridId, kind: state.details.kind, changes })];
}

function decide(command: BaseRecordCommand, state: BaseRecordState): BaseRecordEvent[] {
  switch (command.type) {
    case 'RegisterBaseRecord':
      if (state.status !== 'None') {
        throw new DomainError('BASE_RECORD.ALREADY_REGISTERED', 'an entry with this id exists', { recordId: state.recordId });
      }
      return [baseRecordEvent('BaseRecordRegistered', command.data)];
    case 'AmendBaseRecord':
      return amend(active(state, 'be changed'), command);
    case 'RetireBaseRecord': {
      // Retiring twice (a resent request) changes nothing more.
      if (state.status === 'Retired') return [];
      const entry = active(state, 'be retired');
      const { recordId, gridId, details } = entry;
      return [baseRecordEvent('BaseRecordRetired', { recordId, gridId, kind: details.kind, reason: command.data.reason })];
    }
    default:
      return assertNever(command);
  }
}

function evolve(state: BaseRecordState, event: BaseRecordEvent): BaseRecordState {
  switch (event.type) {
    case 'BaseRecordRegistered':
      return { status: 'Active', recordId: event.data.recordId, gridId: event.data.gridId, details: event.data.details };
    case 'BaseRecordAmended': {
      if (state.status !== 'Active') return state;
      const fields = Object.fromEntries(event.data.changes.map((c) => [c.field, c.to]));
      return { ...state, details: { ...state.details, ...fields } as BaseRecordDetails };
    }
    case 'BaseRecordRetired':
      if (state.status !== 'Active') return state;
      return { ...state, status: 'Retired', reason: event.data.reason };
    default:
      return assertNever(event);
  }
}

export const baseRecordDecider: Decider<BaseRecordState, BaseRecordCommand, BaseRecordEvent> = {
  decide,
  evolve,
  initialState: initialBaseRecordState,
};
