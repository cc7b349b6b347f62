import { z } from 'zod';
import { id, text } from '../../http/request-fields';

export const recordHomeRequest = z.object({
  /** Given to record a known home again (new owners after a sale); absent for a new home. */
  homeId: id.optional(),
  unit: text(30),
  number: text(20),
  floorAreaSquareMetres: z
    .number()
    .positive()
    .max(10_000)
    .refine((area) => Math.abs(area * 100 - Math.round(area * 100)) < 1e-6, 'at most two decimals (as on the property certificate)'),
  ownerIds: z.array(id).min(1).max(10),
});

export type RecordHomeRequest = z.output<typeof recordHomeRequest>;
