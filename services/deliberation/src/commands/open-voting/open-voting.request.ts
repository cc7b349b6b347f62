import { z } from 'zod';
import { id, refuseTypedElectorate, text, timestamp } from '../../http/request-fields';

export const openVotingRequest = z
  .object({
    closesAt: timestamp.describe('3 to 7 days from now.'),
    options: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('yes_no_abstain') }),
      z.object({ kind: z.literal('choices'), labels: z.array(text(200)).min(2).max(20) }),
    ]),
    eligibility: z.object({
      scope: z.enum(['community', 'grid', 'building', 'group']),
      scopeId: id,
      roster: z
        .array(id)
        .min(1)
        .max(5000)
        .nullable()
        .default(null)
        .describe('A building vote only: its residents, each a verified resident of the community.'),
      verifiedOnly: z.literal(true, 'only verified residents are on a roll').default(true),
    }),
    eligibleVoters: z.unknown().optional().describe('Not accepted: the roll decides.'),
    quorumPercent: z.number().min(0).max(100),
    passThresholdPercent: z.number().min(0).max(100),
  })
  .superRefine(refuseTypedElectorate);

export type OpenVotingRequest = z.output<typeof openVotingRequest>;
