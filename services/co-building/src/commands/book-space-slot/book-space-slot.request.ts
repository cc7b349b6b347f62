import { z } from 'zod';
import { day, slug, text, time } from '../../http/request-fields';

export const bookSlotRequest = z.object({ day, from: time, to: time, purpose: text(500), projectId: slug.nullable().default(null) });

export type BookSlotRequest = z.output<typeof bookSlotRequest>;
