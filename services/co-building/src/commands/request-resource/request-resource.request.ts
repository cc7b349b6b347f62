import { z } from 'zod';
import { slug, text } from '../../http/request-fields';

export const requestResourceRequest = z.object({ resourceId: slug, purpose: text(1000) });

export type RequestResourceRequest = z.output<typeof requestResourceRequest>;
