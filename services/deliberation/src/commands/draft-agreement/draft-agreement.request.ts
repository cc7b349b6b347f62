import { z } from 'zod';
import { id, text, timestamp } from '../../http/request-fields';

export const draftAgreementRequest = z.object({
  title: text(200),
  terms: text(10_000),
  parties: z
    .array(
      z.object({
        partyId: id,
        kind: z.enum(['community', 'residents_representative', 'property_company', 'owners_committee', 'department', 'other']),
        name: text(200),
        signatoryId: id.describe('The account that signs for this party.'),
      }),
    )
    .min(2)
    .max(20),
  commitments: z
    .array(z.object({ commitmentId: id, partyId: id, description: text(2000), dueAt: timestamp }))
    .min(1)
    .max(50),
});

export type DraftAgreementRequest = z.output<typeof draftAgreementRequest>;
