import { z } from 'zod';
import { slug, text } from '../../http/request-fields';

export const registerOrganisationRequest = z.object({
  name: text(200),
  communityId: slug,
  kind: z.enum(['public_welfare', 'mutual_aid', 'culture_sports', 'professional_service', 'other']),
  services: z.array(text(200)).min(1).max(50),
});

export type RegisterOrganisationRequest = z.output<typeof registerOrganisationRequest>;
