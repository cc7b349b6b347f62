import { deciderSpec } from '@gongzhi/testing';
import { overlaps, spaceDayDecider, type BookSlot, type SpaceDayEvent } from './space-day.decider';

const space = { resourceId: 'r-room', communityId: 'community-hexie', opensAt: '08:00', closesAt: '21:00' };
const spec = deciderSpec(spaceDayDecider, { space, actor: { id: 'resident-wang', kind: 'user' } });
const slot = (bookingId: string, from: string, to: string): BookSlot => ({
  type: 'BookSlot',
  bookingId,
  resourceId: 'r-room',
  day: '2026-11-28',
  from,
  to,
  purpose: '读书会',
  projectId: null,
});
const booked = (bookingId: string, from: string, to: string): SpaceDayEvent => {
  const { type: _type, ...data } = slot(bookingId, from, to);
  return { type: 'SpaceSlotBooked', data: { ...data, communityId: 'community-hexie', bookedBy: 'resident-wang' } };
};

describe('space-day decider (bookings of one space on one day)', () => {
  it('books a free slot within the opening hours', () => {
    spec.given([]).when(slot('b-1', '14:00', '16:00')).then([booked('b-1', '14:00', '16:00')]);
  });

  it('books adjacent slots: [from, to) is half-open', () => {
    spec.given([booked('b-1', '14:00', '16:00')]).when(slot('b-2', '16:00', '17:00')).then([booked('b-2', '16:00', '17:00')]);
    expect(overlaps({ from: '10:00', to: '11:00' }, { from: '11:00', to: '12:00' })).toBe(false);
  });

  it('refuses an overlapping slot, naming the slot that is taken', () => {
    spec.given([booked('b-1', '14:00', '16:00')]).when(slot('b-2', '15:00', '17:00')).thenThrows('SPACE.SLOT_TAKEN');
    spec.given([booked('b-1', '14:00', '16:00')]).when(slot('b-2', '14:30', '15:00')).thenThrows('SPACE.SLOT_TAKEN');
    try {
      spaceDayDecider.decide(slot('b-2', '15:00', '17:00'), { bookings: [{ bookingId: 'b-1', from: '14:00', to: '16:00' }] }, { now: new Date(), actor: { id: 'x', kind: 'user' }, space });
    } catch (error) {
      expect((error as Error).message).toContain('2026-11-28 14:00–16:00');
    }
  });

  it('refuses slots outside the opening hours, backwards slots and unknown spaces', () => {
    spec.given([]).when(slot('b-1', '07:00', '09:00')).thenThrows('SPACE.OUTSIDE_OPENING_HOURS');
    spec.given([]).when(slot('b-1', '16:00', '14:00')).thenThrows('SPACE.INVALID_SLOT');
    spec.given([]).when(slot('b-1', '14:00', '16:00'), { space: null }).thenThrows('SPACE.NOT_FOUND');
  });
});
