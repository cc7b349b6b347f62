import type { Principal } from '@gongzhi/identity';
import type { CancelBookingRequest } from './cancel-space-booking.request';

/** The booker, or an officer of the space's community with a reason, cancels a booking before its slot starts. */
export class CancelSpaceBooking {
  readonly type = 'CancelSpaceBooking';
  constructor(
    readonly data: {
      readonly principal: Principal;
      readonly resourceId: string;
      readonly bookingId: string;
      readonly cancellation: CancelBookingRequest;
    },
  ) {}
}
