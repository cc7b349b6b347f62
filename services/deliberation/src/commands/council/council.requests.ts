import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const id = z.string().trim().min(1).max(100);
const timestamp = z.iso.datetime({ offset: true });

export const scheduleMeetingRequest = z.object({
  communityId: id.optional().describe("Defaults to the caller's community."),
  topicId: id.nullable().default(null),
  title: text(200),
  scheduledAt: timestamp,
  agenda: z.array(text(200)).min(1).max(30).describe('The agenda items, in order.'),
  moderatorId: id.describe('The account that moderates (主持人): an officer, a grid worker or a resident on the rota.'),
});

const count = z.number().int().min(0).max(100_000);
export const decisionRequest = z.object({
  agendaItemId: id.nullable().default(null),
  text: text(2000),
  figures: z.object({ inFavour: count, against: count, abstaining: count }).nullable().default(null),
});
export const minutesRequest = z.object({ minutes: text(20_000) });

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
  commitments: z.array(z.object({ commitmentId: id, partyId: id, description: text(2000), dueAt: timestamp })).min(1).max(50),
});
export const completeCommitmentRequest = z.object({ note: text(2000) });
