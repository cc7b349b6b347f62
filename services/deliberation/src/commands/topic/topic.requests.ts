import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const id = z.string().trim().min(1).max(100);

export const proposeTopicRequest = z.object({
  communityId: id.optional().describe("Defaults to the caller's community."),
  gridId: id.nullable().default(null),
  title: text(100),
  description: text(2000),
  anonymous: z.boolean().default(false),
});

export const screenTopicRequest = z
  .object({
    outcome: z.enum(['accepted', 'merged', 'rejected']),
    reason: z.string().trim().max(2000).nullable().default(null),
    mergedIntoTopicId: id.nullable().default(null),
  })
  .superRefine((body, ctx) => {
    if (body.outcome === 'rejected' && !body.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a rejection needs a written reason' });
    if (body.outcome === 'merged' && !body.mergedIntoTopicId) {
      ctx.addIssue({ code: 'custom', path: ['mergedIntoTopicId'], message: 'a merge names the topic it merges into' });
    }
  });

export const openConsultationRequest = z.object({ draftPlan: z.string().trim().max(5000).nullable().default(null) });
export const stakeholderInputRequest = z.object({ stakeholder: text(200), input: text(5000) });
export const openDiscussionRequest = z.object({ meetingAt: z.iso.datetime({ offset: true }).nullable().default(null) });
export const attendanceRequest = z.object({
  residentIds: z.array(id).min(1).max(1000),
  participation: z.enum(['in_person', 'online', 'assisted']).default('in_person'),
});

/**
 * Who may vote is not the officer's to type: the roll is every verified resident of the scope when voting
 * opens. A request that still names an electorate is refused, so nobody believes their number counted.
 */
export const ELECTORATE_NOT_TYPED =
  'is not accepted: the roll (every verified resident of the scope when voting opens) decides turnout and quorum';

export const refuseTypedElectorate = (body: Record<string, unknown>, ctx: z.core.$RefinementCtx) => {
  if (body.eligibleVoters !== undefined) ctx.addIssue({ code: 'custom', path: ['eligibleVoters'], message: ELECTORATE_NOT_TYPED });
};

export const openVotingRequest = z
  .object({
    closesAt: z.iso.datetime({ offset: true }).describe('3 to 7 days from now.'),
    options: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('yes_no_abstain') }),
      z.object({ kind: z.literal('choices'), labels: z.array(text(200)).min(2).max(20) }),
    ]),
    eligibility: z.object({
      scope: z.enum(['community', 'grid', 'building']),
      scopeId: id,
      roster: z.array(id).min(1).max(5000).nullable().default(null).describe('A building vote only: its residents, each a verified resident of the community.'),
      verifiedOnly: z.literal(true, 'only verified residents are on a roll').default(true),
    }),
    eligibleVoters: z.unknown().optional().describe('Not accepted: the roll decides.'),
    quorumPercent: z.number().min(0).max(100),
    passThresholdPercent: z.number().min(0).max(100),
  })
  .superRefine(refuseTypedElectorate);

export const castBallotRequest = z.object({ optionId: id });

export const decideTopicRequest = z.object({
  result: z.enum(['adopted', 'rejected']),
  reasons: text(5000),
  responsibleDepartmentIds: z.array(id).max(20).default([]),
});

export const progressRequest = z.object({ percent: z.number().int().min(0).max(100), note: text(2000), photoIds: z.array(id).max(20).default([]) });
export const completeTopicRequest = z.object({ summary: text(2000), afterPhotoIds: z.array(id).max(20).default([]) });
export const evaluateRequest = z.object({ score: z.number().int().min(1).max(5), comment: z.string().trim().max(2000).nullable().default(null) });

export function votingOptions(options: z.output<typeof openVotingRequest>['options']) {
  if (options.kind === 'yes_no_abstain') {
    return [
      { optionId: 'yes', label: '同意 Yes' },
      { optionId: 'no', label: '反对 No' },
      { optionId: 'abstain', label: '弃权 Abstain' },
    ];
  }
  return options.labels.map((label, i) => ({ optionId: `option-${i + 1}`, label }));
}
