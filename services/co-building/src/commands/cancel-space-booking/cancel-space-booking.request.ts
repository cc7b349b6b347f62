import { z } from 'zod';
import { day } from '../../http/request-fields';

/** The day names the booking's stream (one per space and day); an officer cancelling somebody else's booking gives the reason. */
export const cancelBookingRequest = z.object({ day, reason: z.string().trim().max(1000).nullable().default(null) });

export type CancelBookingRequest = z.output<typeof cancelBookingRequest>;
