import { z } from 'zod';
import { openTo, slug, tags, text, time } from '../../http/request-fields';

export const listResourceRequest = z.object({
  kind: z.enum(['space', 'goods', 'service', 'skill']),
  title: text(200),
  description: text(2000),
  category: slug,
  tags,
  communityId: slug.optional(),
  offeredByKind: z.enum(['community', 'company', 'institution', 'organisation', 'resident']).optional(),
  offeredByName: text(200).optional(),
  opensAt: time.nullable().default(null),
  closesAt: time.nullable().default(null),
  openTo: openTo,
});

export type ListResourceRequest = z.output<typeof listResourceRequest>;
