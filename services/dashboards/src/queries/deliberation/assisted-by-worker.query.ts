import { In, Not, IsNull, type DataSource } from 'typeorm';
import { z } from 'zod';
import { ASSISTED_FLAG_RULE, assistedShares } from '../../figures/assisted-share';
import { AssistedBallotFact } from '../../read-models/assisted-ballot.entity';
import { TopicFact } from '../../read-models/deliberation.entities';

export const assistedByWorkerQuery = z.object({ communityId: z.string().trim().min(1, 'name the community whose workers to show') });
export type AssistedByWorkerQuery = z.output<typeof assistedByWorkerQuery>;

export const assistedByWorkerResponse = z.object({
  communityId: z.string(),
  votes: z.number().int().describe("The community's votes that have a roll."),
  rollTotal: z.number().int().describe('The sizes of their rolls, added: the denominator of every share.'),
  assistedBallots: z.number().int().describe('Assisted ballots on them, not withdrawn, counted apart from the ones residents cast themselves.'),
  rule: z.object({ timesPeerMedian: z.number(), shareAloneAbovePercent: z.number(), minBallots: z.number().int() }),
  workers: z.array(
    z.object({
      assistantId: z.string(),
      assistantRole: z.string(),
      assistedBallots: z.number().int(),
      votes: z.number().int().describe('Votes on which this worker recorded at least one ballot.'),
      sharePercent: z.number(),
      peerMedianSharePercent: z.number().nullable(),
      flagged: z.boolean(),
      flagReason: z.string().nullable(),
    }),
  ),
});
export type AssistedByWorkerResponse = z.infer<typeof assistedByWorkerResponse>;

/** Assisted ballots per worker of one community, with the flag a supervisor follows up; flagged workers first. */
export async function readAssistedByWorker(dataSource: DataSource, { communityId }: AssistedByWorkerQuery): Promise<AssistedByWorkerResponse> {
  const topics = await dataSource.getRepository(TopicFact).find({ where: { communityId, eligibleVoters: Not(IsNull()) }, select: { topicId: true, eligibleVoters: true } });
  const rollTotal = topics.reduce((sum, t) => sum + (t.eligibleVoters ?? 0), 0);
  const ballots =
    topics.length === 0 ? [] : await dataSource.getRepository(AssistedBallotFact).find({ where: { topicId: In(topics.map((t) => t.topicId)), withdrawn: false } });
  const byWorker = new Map<string, { assistantRole: string; ballots: number; topics: Set<string> }>();
  for (const ballot of ballots) {
    const worker = byWorker.get(ballot.assistantId) ?? { assistantRole: ballot.assistantRole, ballots: 0, topics: new Set<string>() };
    worker.ballots += 1;
    worker.topics.add(ballot.topicId);
    byWorker.set(ballot.assistantId, worker);
  }
  const shares = assistedShares(
    [...byWorker].map(([assistantId, w]) => ({ assistantId, assistedBallots: w.ballots })),
    rollTotal,
  );
  const workers = shares
    .map((share) => ({ ...share, assistantRole: byWorker.get(share.assistantId)!.assistantRole, votes: byWorker.get(share.assistantId)!.topics.size }))
    .sort((a, b) => Number(b.flagged) - Number(a.flagged) || b.assistedBallots - a.assistedBallots || a.assistantId.localeCompare(b.assistantId));
  return { communityId, votes: topics.length, rollTotal, assistedBallots: ballots.length, rule: { ...ASSISTED_FLAG_RULE }, workers };
}
