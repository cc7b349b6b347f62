import { z } from 'zod';
import { text } from '../../http/request-fields';

export const orderNeedRequest = z.object({
  title: text(100),
  description: text(2000),
  anonymous: z.boolean().default(false).describe('Stay anonymous in public.'),
});

export type OrderNeedRequest = z.output<typeof orderNeedRequest>;
