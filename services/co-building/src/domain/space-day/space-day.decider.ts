import type { DecisionContext, Decider } from '@gongzhi/eventsourcing';
import { assertNever, event, refuse, type ContractDomainEvent } from '../domain-event';

/**
 * The bookings of one space on one day: one stream per space and day, so concurrent bookings of that day
 * meet at the stream's expected version and exactly one of two overlapping ones is stored.
 */
export type SpaceDayEvent = ContractDomainEvent<'SpaceSlotBooked'>;

export interface BookSlot {
  readonly type: 'BookSlot';
  readonly bookingId: string;
  readonly resourceId: string;
  readonly day: string;
  readonly from: string;
  readonly to: string;
  readonly purpose: string;
  readonly projectId: string | null;
}
export type SpaceDayCommand = BookSlot;

export interface BookedSlot {
  readonly bookingId: string;
  readonly from: string;
  readonly to: string;
}

export interface SpaceDayState {
  readonly bookings: readonly BookedSlot[];
}

export interface SpaceDayContext extends DecisionContext {
  /** The space as its resource stream says; null when there is no such resource or it is not a space. */
  readonly space: { readonly resourceId: string; readonly communityId: string; readonly opensAt: string; readonly closesAt: string } | null;
}

export const spaceDayStreamId = (resourceId: string, day: string) => `space-${resourceId}-${day}`;

/** Half-open [from, to): 10:00–11:00 and 11:00–12:00 do not overlap. Times are HH:MM, so strings compare as times. */
export const overlaps = (a: { from: string; to: string }, b: { from: string; to: string }) => a.from < b.to && b.from < a.to;

function decide(command: SpaceDayCommand, state: SpaceDayState, context: SpaceDayContext): readonly SpaceDayEvent[] {
  switch (command.type) {
    case 'BookSlot': {
      const { space } = context;
      if (!space) throw refuse('SPACE.NOT_FOUND', `No bookable space ${command.resourceId}`, { resourceId: command.resourceId });
      const slot = `${command.day} ${command.from}–${command.to}`;
      if (command.from >= command.to) throw refuse('SPACE.INVALID_SLOT', `The slot ${slot} ends before it starts`, { field: 'to' });
      if (command.from < space.opensAt || command.to > space.closesAt) {
        throw refuse('SPACE.OUTSIDE_OPENING_HOURS', `The slot ${slot} is outside the opening hours ${space.opensAt}–${space.closesAt}`, {
          opensAt: space.opensAt,
          closesAt: space.closesAt,
        });
      }
      if (state.bookings.some((b) => b.bookingId === command.bookingId)) throw refuse('SPACE.ALREADY_BOOKED', `Booking ${command.bookingId} exists already`);
      const taken = state.bookings.find((b) => overlaps(b, command));
      if (taken) {
        throw refuse('SPACE.SLOT_TAKEN', `The slot ${slot} of space ${space.resourceId} overlaps the booked slot ${command.day} ${taken.from}–${taken.to}`, {
          resourceId: space.resourceId,
          day: command.day,
          requested: { from: command.from, to: command.to },
          taken: { from: taken.from, to: taken.to },
        });
      }
      const { type: _type, ...data } = command;
      return [event('SpaceSlotBooked', { ...data, communityId: space.communityId, bookedBy: context.actor.id })];
    }
    default:
      return assertNever(command.type);
  }
}

function evolve(state: SpaceDayState, e: SpaceDayEvent): SpaceDayState {
  switch (e.type) {
    case 'SpaceSlotBooked':
      return { bookings: [...state.bookings, { bookingId: e.data.bookingId, from: e.data.from, to: e.data.to }] };
    default:
      return assertNever(e.type);
  }
}

export const spaceDayDecider: Decider<SpaceDayState, SpaceDayCommand, SpaceDayEvent, SpaceDayContext> = {
  decide,
  evolve,
  initialState: () => ({ bookings: [] }),
};
