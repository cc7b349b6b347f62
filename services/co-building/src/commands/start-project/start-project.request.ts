import { z } from 'zod';
import { openTo, slug, text } from '../../http/request-fields';

/** The smallest project is as easy to start as the largest: a title and one line (the community defaults to the resident's own). */
export const startProjectRequest = z.object({
  title: text(200),
  summary: text(500),
  communityId: slug.optional(),
  category: slug.nullable().default(null),
  openTo: openTo,
});

export type StartProjectRequest = z.output<typeof startProjectRequest>;
