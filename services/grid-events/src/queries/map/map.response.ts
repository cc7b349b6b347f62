import { z } from 'zod';
import { bilingualName, boundsSchema } from '../../reference-data/reference-data.schema';

/** `GET /api/map`: the city's outline, and the base map's tiles when the deployment names a tile server. */
export const mapAnswer = z.object({
  city: z.object({ id: z.string(), name: bilingualName, bounds: boundsSchema }),
  tiles: z.object({ urlTemplate: z.string(), attribution: z.string() }).nullable(),
});

/** `GET /api/grids/at`: where the server files a report made at a point. */
export const gridAtAnswer = z.object({
  gridId: z.string(),
  gridName: bilingualName,
  communityId: z.string(),
  communityName: bilingualName,
  streetId: z.string(),
  streetName: bilingualName,
  insideGrid: z.boolean().describe('False when no grid covers the point and the nearest grid takes the report.'),
  addressHint: bilingualName,
});
