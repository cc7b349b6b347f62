import { deciderSpec } from '@gongzhi/testing';
import { cityDateTimeOf, overlaps, spaceDayDecider, type BookSlot, type CancelBooking, type SpaceDayEvent } from './space-day.decider';

const space = { resourceId: 'r-room', communityId: 'community-hexie', opensAt: '08:00', closesAt: '21:00' };
const spec = deciderSpec(spaceDayDecider, { space, timeZone: 'Asia/Shanghai', actor: { id: 'resident-wang', kind: 'user' } });
const slot = (bookingId: string, from: string, to: string): BookSlot => ({
  type: 'BookSlot',
  data: { bookingId, resourceId: 'r-room', day: '2026-11-28', from, to, purpose: '读书会', projectId: null },
});
const booked = (bookingId: string, from: string, to: string, bookedBy = 'resident-wang'): SpaceDayEvent => {
  return { type: 'SpaceSlotBooked', data: { ...slot(bookingId, from, to).data, communityId: 'community-hexie', bookedBy } };
};

describe('space-day decider (bookings of one space on one day)', () => {
  it('books a free slot within the opening hours', () => {
    spec
      .given([])
      .when(slot('b-1', '14:00', '16:00'))
      .then([booked('b-1', '14:00', '16:00')]);
  });

  it('books adjacent slots: [from, to) is half-open', () => {
    spec
      .given([booked('b-1', '14:00', '16:00')])
      .when(slot('b-2', '16:00', '17:00'))
      .then([booked('b-2', '16:00', '17:00')]);
    expect(overlaps({ from: '10:00', to: '11:00' }, { from: '11:00', to: '12:00' })).toBe(false);
  });

  it('refuses an overlapping slot, naming the slot that is taken', () => {
    const refusal = spec
      .given([booked('b-1', '14:00', '16:00')])
      .when(slot('b-2', '15:00', '17:00'))
      .thenThrows('SPACE.SLOT_TAKEN');
    expect(refusal.message).toContain('2026-11-28 14:00–16:00');
    spec
      .given([booked('b-1', '14:00', '16:00')])
      .when(slot('b-2', '14:30', '15:00'))
      .thenThrows('SPACE.SLOT_TAKEN');
  });

  it('refuses a slot that has started or is over, in the city’s local time', () => {
    // 14:00 in Shanghai is 06:00 UTC.
    spec
      .given([])
      .when(slot('b-1', '14:00', '16:00'), { now: new Date('2026-11-28T06:00:00.000Z') })
      .thenThrows('SPACE.SLOT_STARTED', { field: 'from', startsAt: '2026-11-28 14:00' });
    spec
      .given([])
      .when(slot('b-1', '09:00', '10:00'), { now: new Date('2026-11-29T01:00:00.000Z') })
      .thenThrows('SPACE.SLOT_STARTED');
    spec
      .given([])
      .when(slot('b-1', '14:00', '16:00'), { now: new Date('2026-11-28T05:59:00.000Z') })
      .then([booked('b-1', '14:00', '16:00')]);
  });

  it('refuses slots outside the opening hours, backwards slots and unknown spaces', () => {
    spec
      .given([])
      .when(slot('b-1', '07:00', '09:00'))
      .thenThrows('SPACE.OUTSIDE_OPENING_HOURS');
    spec
      .given([])
      .when(slot('b-1', '16:00', '14:00'))
      .thenThrows('SPACE.INVALID_SLOT');
    spec
      .given([])
      .when(slot('b-1', '14:00', '16:00'), { space: null })
      .thenThrows('SPACE.NOT_FOUND');
  });

  describe('cancelling a booking', () => {
    const cancel = (bookingId: string, reason: string | null = null): CancelBooking => ({
      type: 'CancelBooking',
      data: { bookingId, resourceId: 'r-room', day: '2026-11-28', reason },
    });
    const cancelled = (
      bookingId: string,
      from: string,
      to: string,
      by: { cancelledBy: string; cancelledAs: 'booker' | 'community_officer'; reason: string | null },
    ): SpaceDayEvent => ({
      type: 'SpaceSlotBookingCancelled',
      data: {
        bookingId,
        resourceId: 'r-room',
        communityId: 'community-hexie',
        day: '2026-11-28',
        from,
        to,
        bookedBy: 'resident-wang',
        ...by,
      },
    });
    const booker = { actor: { id: 'resident-wang', kind: 'user' as const } };
    const neighbour = { actor: { id: 'resident-liu', kind: 'user' as const } };
    const officer = { actor: { id: 'officer-chen', kind: 'user' as const }, officerOfCommunityId: 'community-hexie' };
    // The default decision time is 2026-11-26 17:00 in Shanghai, two days before the slots.

    it('is done by the booker before the slot starts, and frees the slot for someone else', () => {
      const state = spec
        .given([booked('b-1', '14:00', '16:00')])
        .when(cancel('b-1'), booker)
        .then([cancelled('b-1', '14:00', '16:00', { cancelledBy: 'resident-wang', cancelledAs: 'booker', reason: null })]);
      expect(state.bookings).toEqual([]);
      const history = [
        booked('b-1', '14:00', '16:00'),
        cancelled('b-1', '14:00', '16:00', { cancelledBy: 'resident-wang', cancelledAs: 'booker', reason: null }),
      ];
      spec
        .given(history)
        .when(slot('b-2', '14:00', '16:00'), neighbour)
        .then([booked('b-2', '14:00', '16:00', 'resident-liu')]);
    });

    it('keeps the other bookings of the day', () => {
      const state = spec
        .given([booked('b-1', '10:00', '12:00'), booked('b-2', '14:00', '16:00')])
        .when(cancel('b-2', '有事'), booker)
        .then([cancelled('b-2', '14:00', '16:00', { cancelledBy: 'resident-wang', cancelledAs: 'booker', reason: '有事' })]);
      expect(state.bookings.map((b) => b.bookingId)).toEqual(['b-1']);
    });

    it('is done by an officer of the space’s community for anyone’s booking, with a reason', () => {
      spec
        .given([booked('b-1', '14:00', '16:00')])
        .when(cancel('b-1', ' 活动室临时检修 '), officer)
        .then([
          cancelled('b-1', '14:00', '16:00', { cancelledBy: 'officer-chen', cancelledAs: 'community_officer', reason: '活动室临时检修' }),
        ]);
      spec
        .given([booked('b-1', '14:00', '16:00')])
        .when(cancel('b-1', '  '), officer)
        .thenThrows('BOOKING.REASON_REQUIRED', { field: 'reason' });
      spec
        .given([booked('b-1', '14:00', '16:00')])
        .when(cancel('b-1'), officer)
        .thenThrows('BOOKING.REASON_REQUIRED');
    });

    it('is refused to anyone else: another resident, an officer of another community', () => {
      spec
        .given([booked('b-1', '14:00', '16:00')])
        .when(cancel('b-1', 'x'), neighbour)
        .thenThrows('BOOKING.FORBIDDEN', { rule: 'booker_or_community_officer' });
      spec
        .given([booked('b-1', '14:00', '16:00')])
        .when(cancel('b-1', 'x'), { ...officer, officerOfCommunityId: 'community-other' })
        .thenThrows('BOOKING.FORBIDDEN');
    });

    it('is refused once the slot has started, in the city’s local time', () => {
      const history = [booked('b-1', '14:00', '16:00')];
      // 14:00 in Shanghai is 06:00 UTC.
      spec
        .given(history)
        .when(cancel('b-1'), { ...booker, now: new Date('2026-11-28T06:00:00.000Z') })
        .thenThrows('BOOKING.SLOT_STARTED', { startsAt: '2026-11-28 14:00' });
      spec
        .given(history)
        .when(cancel('b-1'), { ...officer, now: new Date('2026-11-28T07:30:00.000Z') })
        .thenThrows('BOOKING.SLOT_STARTED');
      spec
        .given(history)
        .when(cancel('b-1'), { ...booker, now: new Date('2026-11-29T01:00:00.000Z') })
        .thenThrows('BOOKING.SLOT_STARTED');
      spec
        .given(history)
        .when(cancel('b-1'), { ...booker, now: new Date('2026-11-28T05:59:00.000Z') })
        .then([cancelled('b-1', '14:00', '16:00', { cancelledBy: 'resident-wang', cancelledAs: 'booker', reason: null })]);
      expect(cityDateTimeOf(new Date('2026-11-27T16:30:00.000Z'), 'Asia/Shanghai')).toBe('2026-11-28 00:30');
    });

    it('is refused the second time, and for a booking the day does not have', () => {
      const history = [
        booked('b-1', '14:00', '16:00'),
        cancelled('b-1', '14:00', '16:00', { cancelledBy: 'resident-wang', cancelledAs: 'booker', reason: null }),
      ];
      spec.given(history).when(cancel('b-1'), booker).thenThrows('BOOKING.ALREADY_CANCELLED');
      spec
        .given(history)
        .when(slot('b-1', '14:00', '16:00'), booker)
        .thenThrows('SPACE.ALREADY_BOOKED');
      spec
        .given([booked('b-1', '14:00', '16:00')])
        .when(cancel('b-9'), booker)
        .thenThrows('BOOKING.NOT_FOUND');
    });
  });
});
