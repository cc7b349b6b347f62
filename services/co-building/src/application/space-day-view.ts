import type { SpaceDayState } from '../domain/space-day/space-day.decider';

/** The day's booked slots as anyone may see them: who booked stays out. */
export const slotsOf = (state: SpaceDayState) => state.bookings.map(({ bookingId, from, to }) => ({ bookingId, from, to }));
