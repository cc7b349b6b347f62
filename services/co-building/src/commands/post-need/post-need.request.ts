import { z } from 'zod';
import { slug, tags, text } from '../../http/request-fields';

export const postNeedRequest = z.object({ title: text(200), description: text(2000), category: slug, tags, communityId: slug.optional() });

export type PostNeedRequest = z.output<typeof postNeedRequest>;
