import { z } from 'zod';
import { slug } from '../../http/request-fields';

/** A resident signs up themselves; naming somebody else is refused, so the field only exists to be checked. */
export const signUpForActivityRequest = z.object({ residentId: slug.optional() });

export type SignUpForActivityRequest = z.output<typeof signUpForActivityRequest>;
