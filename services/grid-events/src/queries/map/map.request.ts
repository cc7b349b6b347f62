import { z } from 'zod';

/** A point as the phone or the map gives it; a wrong one is refused naming `lat` or `long`. */
export const gridAtQuery = z.object({
  lat: z.coerce.number({ error: 'expected a latitude in degrees' }).min(-90).max(90),
  long: z.coerce.number({ error: 'expected a longitude in degrees' }).min(-180).max(180),
});
export type GridAtQuery = z.output<typeof gridAtQuery>;
