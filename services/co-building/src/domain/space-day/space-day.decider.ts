import { type DecisionContext, type Decider, assertNever } from '@gongzhi/eventsourcing';
import { event, refuse } from '../domain-event';
import type { ContractDomainEvent } from '@gongzhi/contracts';

/**
 * The bookings of one space on one day: one stream per space and day, so concurrent bookings of that day
 * meet at the stream's expected version and exactly one of two overlapping ones is stored.
 */
export type SpaceDayEvent = ContractDomainEvent<'SpaceSlotBooked'> | ContractDomainEvent<'SpaceSlotBookingCancelled'>;

export interface BookSlot {
  readonly type: 'BookSlot';
  readonly data: {
    readonly bookingId: string;
    readonly resourceId: string;
    readonly day: string;
    readonly from: string;
    readonly to: string;
    readonly purpose: string;
    readonly projectId: string | null;
  };
}

/** The booker cancels their own booking; an officer of the space's community cancels any, with a reason. */
export interface CancelBooking {
  readonly type: 'CancelBooking';
  readonly data: { readonly bookingId: string; readonly resourceId: string; readonly day: string; readonly reason: string | null };
}
export type SpaceDayCommand = BookSlot | CancelBooking;

export interface BookedSlot {
  readonly bookingId: string;
  readonly communityId: string;
  readonly from: string;
  readonly to: string;
  readonly bookedBy: string;
}

export interface SpaceDayState {
  /** The bookings that hold their slot: a cancelled one leaves this list, so its slot is free again. */
  readonly bookings: readonly BookedSlot[];
  readonly cancelledBookingIds: readonly string[];
}

export interface SpaceDayContext extends DecisionContext {
  /** BookSlot: the space as its resource stream says; null when there is no such resource or it is not a space. */
  readonly space?: { readonly resourceId: string; readonly communityId: string; readonly opensAt: string; readonly closesAt: string } | null;
  /** The community the actor is an officer of (community_officer with a community scope); absent for residents. */
  readonly officerOfCommunityId?: string;
  /** IANA time zone of the city, whose local days and times the slots are in. */
  readonly timeZone: string;
}

export const spaceDayStreamId = (resourceId: string, day: string) => `space-${resourceId}-${day}`;

/** Half-open [from, to): 10:00–11:00 and 11:00–12:00 do not overlap. Times are HH:MM, so strings compare as times. */
export const overlaps = (a: { from: string; to: string }, b: { from: string; to: string }) => a.from < b.to && b.from < a.to;

const cityClocks = new Map<string, Intl.DateTimeFormat>();

/** `YYYY-MM-DD HH:MM` of an instant in the city's time zone: compares as a string with a slot's `${day} ${from}`. */
export function cityDateTimeOf(instant: Date, timeZone: string): string {
  let clock = cityClocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    cityClocks.set(timeZone, clock);
  }
  const part = Object.fromEntries(clock.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${part['year']}-${part['month']}-${part['day']} ${part['hour']}:${part['minute']}`;
}

function decide(command: SpaceDayCommand, state: SpaceDayState, context: SpaceDayContext): readonly SpaceDayEvent[] {
  switch (command.type) {
    case 'BookSlot': {
      const { space } = context;
      if (!space) throw refuse('SPACE.NOT_FOUND', `No bookable space ${command.data.resourceId}`, { resourceId: command.data.resourceId });
      const slot = `${command.data.day} ${command.data.from}–${command.data.to}`;
      if (command.data.from >= command.data.to) throw refuse('SPACE.INVALID_SLOT', `The slot ${slot} ends before it starts`, { field: 'to' });
      if (command.data.from < space.opensAt || command.data.to > space.closesAt) {
        throw refuse('SPACE.OUTSIDE_OPENING_HOURS', `The slot ${slot} is outside the opening hours ${space.opensAt}–${space.closesAt}`, {
          opensAt: space.opensAt,
          closesAt: space.closesAt,
        });
      }
      const startsAt = `${command.data.day} ${command.data.from}`;
      if (cityDateTimeOf(context.now, context.timeZone) >= startsAt) {
        throw refuse('SPACE.SLOT_STARTED', `The slot ${slot} has started or is over: book a slot that is still ahead`, { field: 'from', startsAt });
      }
      if (state.bookings.some((b) => b.bookingId === command.data.bookingId) || state.cancelledBookingIds.includes(command.data.bookingId)) throw refuse('SPACE.ALREADY_BOOKED', `Booking ${command.data.bookingId} exists already`);
      const taken = state.bookings.find((b) => overlaps(b, command.data));
      if (taken) {
        throw refuse('SPACE.SLOT_TAKEN', `The slot ${slot} of space ${space.resourceId} overlaps the booked slot ${command.data.day} ${taken.from}–${taken.to}`, {
          resourceId: space.resourceId,
          day: command.data.day,
          requested: { from: command.data.from, to: command.data.to },
          taken: { from: taken.from, to: taken.to },
        });
      }
      const { data } = command;
      return [event('SpaceSlotBooked', { ...data, communityId: space.communityId, bookedBy: context.actor.id })];
    }
    case 'CancelBooking':
      return cancel(command, state, context);
    default:
      return assertNever(command);
  }
}

function cancel(command: CancelBooking, state: SpaceDayState, context: SpaceDayContext): readonly SpaceDayEvent[] {
  const { bookingId } = command.data;
  const booking = state.bookings.find((b) => b.bookingId === bookingId);
  if (!booking) {
    if (state.cancelledBookingIds.includes(bookingId)) {
      throw refuse('BOOKING.ALREADY_CANCELLED', `Booking ${bookingId} is cancelled already`, { bookingId });
    }
    throw refuse('BOOKING.NOT_FOUND', `No booking ${bookingId} of space ${command.data.resourceId} on ${command.data.day}`, { bookingId });
  }
  const byBooker = booking.bookedBy === context.actor.id;
  if (!byBooker && context.officerOfCommunityId !== booking.communityId) {
    throw refuse('BOOKING.FORBIDDEN', `Only whoever booked it or an officer of ${booking.communityId} may cancel booking ${bookingId}`, {
      bookingId,
      rule: 'booker_or_community_officer',
    });
  }
  const slot = `${command.data.day} ${booking.from}–${booking.to}`;
  if (cityDateTimeOf(context.now, context.timeZone) >= `${command.data.day} ${booking.from}`) {
    throw refuse('BOOKING.SLOT_STARTED', `The slot ${slot} has started; a booking is cancelled before its slot starts`, {
      bookingId,
      startsAt: `${command.data.day} ${booking.from}`,
    });
  }
  const reason = command.data.reason?.trim() || null;
  if (!byBooker && !reason) {
    throw refuse('BOOKING.REASON_REQUIRED', `An officer cancelling somebody else’s booking gives the reason`, { field: 'reason' });
  }
  return [
    event('SpaceSlotBookingCancelled', {
      bookingId,
      resourceId: command.data.resourceId,
      communityId: booking.communityId,
      day: command.data.day,
      from: booking.from,
      to: booking.to,
      bookedBy: booking.bookedBy,
      cancelledBy: context.actor.id,
      cancelledAs: byBooker ? 'booker' : 'community_officer',
      reason,
    }),
  ];
}

function evolve(state: SpaceDayState, e: SpaceDayEvent): SpaceDayState {
  switch (e.type) {
    case 'SpaceSlotBooked': {
      const { bookingId, communityId, from, to, bookedBy } = e.data;
      return { ...state, bookings: [...state.bookings, { bookingId, communityId, from, to, bookedBy }] };
    }
    case 'SpaceSlotBookingCancelled':
      return {
        bookings: state.bookings.filter((b) => b.bookingId !== e.data.bookingId),
        cancelledBookingIds: [...state.cancelledBookingIds, e.data.bookingId],
      };
    default:
      return assertNever(e);
  }
}

export const spaceDayDecider: Decider<SpaceDayState, SpaceDayCommand, SpaceDayEvent, SpaceDayContext> = {
  decide,
  evolve,
  initialState: () => ({ bookings: [], cancelledBookingIds: [] }),
};
