import { z } from 'zod';
import { xmlText } from '../../http/xml-text';

export const reportCaseRequest = z
  .object({
    categoryCode: z.string().min(1).max(100),
    description: xmlText().trim().min(1, { error: 'is required' }).max(2000),
    location: z
      .object({ lat: z.number().min(-90).max(90), long: z.number().min(-180).max(180) })
      .nullable()
      .optional(),
    address: xmlText().trim().min(1).max(300).nullable().optional(),
    photoIds: z.array(z.string().min(1)).max(9).default([]),
    anonymous: z.boolean().default(false),
    facilityId: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .describe("The public facility of the grid's register the problem is at (a street light, a lift …), when known."),
    nameVisibleToStaff: z
      .boolean()
      .default(false)
      .describe(
        'With anonymous: whether the staff handling the case may see who reported it. Never shown to the public or other residents.',
      ),
  })
  .refine((r) => r.location != null || r.address != null, { error: 'give a location (lat, long) or an address', path: ['location'] });

export type ReportCaseRequest = z.output<typeof reportCaseRequest>;
