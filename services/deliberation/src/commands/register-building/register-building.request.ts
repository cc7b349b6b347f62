import { z } from 'zod';
import { id, text } from '../../http/request-fields';

export const registerBuildingRequest = z.object({
  gridId: id,
  name: text(60),
  units: z.array(text(30)).min(1).max(20),
});

export type RegisterBuildingRequest = z.output<typeof registerBuildingRequest>;
