import { ownValue } from '@gongzhi/contracts';
import { DomainError, type DecisionContext, type Decider } from '@gongzhi/eventsourcing';
import { cstDay } from '../shared/calendar';
import { addHours } from '../shared/hours';
import type { TimeBankCommand } from './time-bank.commands';
import type { ContractDomainEvent } from '@gongzhi/contracts';

export type TimeBankEvent =
  | ContractDomainEvent<'VolunteerHoursLogged'>
  | ContractDomainEvent<'VolunteerHoursRejected'>
  | ContractDomainEvent<'VolunteerHoursDeposited'>
  | ContractDomainEvent<'HoursTransferred'>
  | ContractDomainEvent<'HoursReceived'>
  | ContractDomainEvent<'HoursSpent'>;

export interface Entry {
  readonly serviceDate: string;
  readonly hours: number;
  readonly verifierId: string;
  /** Null for hours logged before the community was recorded: then only the named verifier or an admin verifies. */
  readonly communityId: string | null;
  readonly status: 'logged' | 'deposited' | 'rejected';
}

export interface TimeBankState {
  readonly balance: number;
  readonly entries: Readonly<Record<string, Entry>>;
  /** Transfers received, by id: a redelivered transfer is credited once. */
  readonly received: Readonly<Record<string, true>>;
  readonly movements: Readonly<Record<string, true>>;
}

/** What the handler looks up for the decider: who the recipient is, and whose authority covers a community. */
export interface TimeBankLookups {
  /** Whether the recipient of a transfer is a resident this service knows. */
  readonly recipientKnown?: boolean;
  /** Whether the acting officer's authority covers the volunteer's community (null: an entry with no community recorded). */
  readonly officerCovers?: (communityId: string | null) => boolean;
}

export interface TimeBankContext extends DecisionContext, TimeBankLookups {}

export const timeBankStreamId = (residentId: string) => `timebank-${residentId}`;
export const MAX_HOURS_PER_DAY = 24;

/** A resident's time bank (时间银行): hours logged, verified by someone else, deposited, spent or transferred; never below zero. */
export const timeBankDecider: Decider<TimeBankState, TimeBankCommand, TimeBankEvent, TimeBankContext> = {
  initialState: () => ({ balance: 0, entries: {}, received: {}, movements: {} }),
  evolve(state, event) {
    switch (event.type) {
      case 'VolunteerHoursLogged': {
        const { entryId, serviceDate, hours, verifierId } = event.data;
        const entry: Entry = { serviceDate, hours, verifierId, communityId: event.data.communityId ?? null, status: 'logged' };
        return { ...state, entries: { ...state.entries, [entryId]: entry } };
      }
      case 'VolunteerHoursRejected':
      case 'VolunteerHoursDeposited': {
        const entry = ownValue(state.entries, event.data.entryId);
        const status = event.type === 'VolunteerHoursDeposited' ? 'deposited' : 'rejected';
        return {
          ...state,
          balance: status === 'deposited' && entry ? addHours(state.balance, entry.hours) : state.balance,
          entries: entry ? { ...state.entries, [event.data.entryId]: { ...entry, status } } : state.entries,
        };
      }
      case 'HoursTransferred':
        return { ...state, balance: addHours(state.balance, -event.data.hours), movements: { ...state.movements, [event.data.transferId]: true } };
      case 'HoursSpent':
        return { ...state, balance: addHours(state.balance, -event.data.hours), movements: { ...state.movements, [event.data.spendingId]: true } };
      case 'HoursReceived':
        return { ...state, balance: addHours(state.balance, event.data.hours), received: { ...state.received, [event.data.transferId]: true } };
      default: {
        const unhandled: never = event;
        return unhandled;
      }
    }
  },
  decide(command, state, { now, actor, recipientKnown, officerCovers }) {
    const { residentId } = command.data;
    switch (command.type) {
      case 'LogHours': {
        const { entryId, serviceDate, hours, activity, verifierId, communityId } = command.data;
        if (ownValue(state.entries, entryId)) throw new DomainError('TIMEBANK.ENTRY_EXISTS', `Entry ${entryId} was already logged`, { entryId });
        if (verifierId === residentId) {
          throw new DomainError('TIMEBANK.SELF_VERIFICATION', 'The organiser or the recipient verifies hours, not the volunteer', { field: 'verifierId' });
        }
        if (serviceDate > cstDay(now)) throw new DomainError('TIMEBANK.FUTURE_DATE', `${serviceDate} is in the future`, { field: 'serviceDate' });
        const loggedThatDay = Object.values(state.entries)
          .filter((e) => e.serviceDate === serviceDate && e.status !== 'rejected')
          .reduce((sum, e) => addHours(sum, e.hours), 0);
        if (addHours(loggedThatDay, hours) > MAX_HOURS_PER_DAY) {
          throw new DomainError('TIMEBANK.TOO_MANY_HOURS', `A day has ${MAX_HOURS_PER_DAY} hours; ${loggedThatDay} are already logged for ${serviceDate}`, {
            field: 'hours',
            loggedThatDay,
          });
        }
        return [{ type: 'VolunteerHoursLogged', data: { residentId, entryId, serviceDate, hours, activity, verifierId, communityId } }];
      }
      case 'VerifyHours':
      case 'RejectHours': {
        const { entryId } = command.data;
        const entry = ownValue(state.entries, entryId);
        if (!entry) throw new DomainError('TIMEBANK.ENTRY_NOT_FOUND', `No entry ${entryId} in the time bank of ${residentId}`, { entryId });
        if (actor.id === residentId) throw new DomainError('TIMEBANK.FORBIDDEN', 'A volunteer cannot verify their own hours');
        if (actor.id !== entry.verifierId && !(officerCovers?.(entry.communityId) ?? false)) {
          throw new DomainError('TIMEBANK.FORBIDDEN', "Only the organiser or recipient named on the entry, or an officer of the volunteer's community, verifies it");
        }
        if (entry.status !== 'logged') throw new DomainError('TIMEBANK.ENTRY_CONFLICT', `Entry ${entryId} is already ${entry.status}`, { entryId });
        return command.type === 'VerifyHours'
          ? [{ type: 'VolunteerHoursDeposited', data: { residentId, hours: entry.hours, entryId, verifiedBy: actor.id } }]
          : [{ type: 'VolunteerHoursRejected', data: { residentId, entryId, rejectedBy: actor.id, reason: command.data.reason } }];
      }
      case 'SpendHours': {
        const { spendingId, hours, providerId, serviceDescription } = command.data;
        if (ownValue(state.movements, spendingId)) return [];
        if (providerId === residentId) throw new DomainError('TIMEBANK.SELF_SERVICE', 'Hours are spent on another volunteer’s service', { field: 'providerId' });
        assertCovers(state, hours);
        return [{ type: 'HoursSpent', data: { residentId, hours, serviceDescription, spendingId, providerId } }];
      }
      case 'TransferHours': {
        const { transferId, toResidentId, hours } = command.data;
        if (ownValue(state.movements, transferId)) return [];
        if (toResidentId === residentId) throw new DomainError('TIMEBANK.SELF_TRANSFER', 'A transfer goes to someone else', { field: 'toResidentId' });
        if (!recipientKnown) {
          throw new DomainError('TIMEBANK.RECIPIENT_NOT_FOUND', `No resident ${toResidentId} is known to the points service`, { field: 'toResidentId' });
        }
        assertCovers(state, hours);
        return [{ type: 'HoursTransferred', data: { fromResidentId: residentId, toResidentId, hours, transferId } }];
      }
      case 'ReceiveHours': {
        const { transferId, fromResidentId, hours } = command.data;
        if (ownValue(state.received, transferId)) return [];
        return [{ type: 'HoursReceived', data: { residentId, fromResidentId, hours, transferId } }];
      }
      default: {
        const unhandled: never = command;
        throw new Error(`Unknown time bank command ${JSON.stringify(unhandled)}`);
      }
    }
  },
};

function assertCovers(state: TimeBankState, hours: number): void {
  if (state.balance < hours) {
    throw new DomainError('TIMEBANK.INSUFFICIENT_HOURS', `The time bank holds ${state.balance} hours; ${hours} were asked for`, {
      field: 'hours',
      balance: state.balance,
    });
  }
}
