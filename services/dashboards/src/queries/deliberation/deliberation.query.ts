import { Like, type DataSource, type FindOptionsWhere } from 'typeorm';
import { z } from 'zod';
import { percentOf, percentile, round1 } from '../../figures/percentile';
import { CITY } from '../../read-models/daily-counter';
import { AdoptedSuggestion, DeliberationDaily, TOPIC_STAGES, TopicFact } from '../../read-models/deliberation.entities';
import { dailySeries, seriesDaysSchema, sumCountersByKey } from '../daily-series';
import { MAX_SERIES_DAYS, refineWindow, seriesWindow, windowQuery } from '../window';

const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

export const deliberationSummaryQuery = z
  .object({ communityId: z.string().min(1).optional(), ...windowQuery })
  .superRefine((value, ctx) => refineWindow(value, ctx));
export type DeliberationSummaryQuery = z.output<typeof deliberationSummaryQuery>;

export const deliberationSummaryResponse = z.object({
  communityId: z.string().nullable(),
  from: z.string().nullable().describe('Topics proposed from this day.'),
  to: z.string().nullable(),
  asOf: z.string(),
  topics: z.number().int(),
  stages: z.record(z.enum(TOPIC_STAGES), z.number().int()).describe('Topics now in each stage.'),
  votesClosed: z.number().int(),
  ballotsCast: z.number().int().describe('Ballots cast on these topics so far (secret: counts only).'),
  assistedBallots: z.number().int().describe('Of them, recorded by staff for residents who cannot use the app (入户走访).'),
  turnoutAveragePercent: z.number().nullable().describe('Over closed votes.'),
  turnoutMedianPercent: z.number().nullable(),
  quorumMetPercent: z.number().nullable(),
  passedPercent: z.number().nullable(),
  decidedAdopted: z.number().int(),
  decidedRejected: z.number().int(),
  completed: z.number().int(),
  meetingAttendance: z.object({ inPerson: z.number().int(), online: z.number().int(), assisted: z.number().int() }),
});
export type DeliberationSummaryResponse = z.infer<typeof deliberationSummaryResponse>;

export async function readDeliberationSummary(
  dataSource: DataSource,
  query: DeliberationSummaryQuery,
  now: Date,
): Promise<DeliberationSummaryResponse> {
  const qb = dataSource.getRepository(TopicFact).createQueryBuilder('t');
  if (query.communityId) qb.andWhere('t.communityId = :communityId', { communityId: query.communityId });
  if (query.from) qb.andWhere('t.proposedDay >= :from', { from: query.from });
  if (query.to) qb.andWhere('t.proposedDay <= :to', { to: query.to });
  const topics = await qb.getMany();
  const ballots = await sumCountersByKey(dataSource, DeliberationDaily, ['ballots', 'assistedBallots'], {
    dimension: 'topic',
    keys: topics.map((t) => t.topicId),
  });
  const closed = topics.filter((t) => t.turnoutPercent !== null);
  const turnouts = closed.map((t) => t.turnoutPercent!);
  const stages = Object.fromEntries(TOPIC_STAGES.map((s) => [s, 0])) as Record<(typeof TOPIC_STAGES)[number], number>;
  for (const t of topics) stages[t.stage] += 1;
  const sum = (f: (t: TopicFact) => number) => topics.reduce((n, t) => n + f(t), 0);
  return {
    communityId: query.communityId ?? null,
    from: query.from ?? null,
    to: query.to ?? null,
    asOf: now.toISOString(),
    topics: topics.length,
    stages,
    votesClosed: closed.length,
    ballotsCast: sum((t) => t.ballotsCast ?? ballots.get(t.topicId)?.ballots ?? 0),
    assistedBallots: sum((t) => ballots.get(t.topicId)?.assistedBallots ?? 0),
    turnoutAveragePercent: turnouts.length === 0 ? null : round1(turnouts.reduce((a, b) => a + b, 0) / turnouts.length),
    turnoutMedianPercent: round1(percentile(turnouts, 0.5)),
    quorumMetPercent: percentOf(closed.filter((t) => t.quorumMet).length, closed.length),
    passedPercent: percentOf(closed.filter((t) => t.passed).length, closed.length),
    decidedAdopted: topics.filter((t) => t.result === 'adopted').length,
    decidedRejected: topics.filter((t) => t.result === 'rejected').length,
    completed: stages.completed,
    meetingAttendance: {
      inPerson: sum((t) => t.attendanceInPerson),
      online: sum((t) => t.attendanceOnline),
      assisted: sum((t) => t.attendanceAssisted),
    },
  };
}

export const topicListQuery = z.object({
  communityId: z.string().min(1).optional(),
  stage: z.enum(TOPIC_STAGES).optional(),
  ...page,
});
export type TopicListQuery = z.output<typeof topicListQuery>;

export const topicListItem = z.object({
  topicId: z.string(),
  title: z.string(),
  communityId: z.string(),
  gridId: z.string().nullable(),
  stage: z.enum(TOPIC_STAGES),
  proposedAt: z.string(),
  votingClosesAt: z.string().nullable(),
  eligibleVoters: z.number().int().nullable(),
  ballotsCast: z.number().int().describe('The tally once voting closed; the running count before.'),
  turnoutPercent: z.number().nullable(),
  quorumMet: z.boolean().nullable(),
  passed: z.boolean().nullable(),
  result: z.enum(['adopted', 'rejected']).nullable(),
  implementationPercent: z.number().nullable(),
  meetingAttendance: z.number().int(),
  comments: z.number().int(),
  updatedAt: z.string(),
});
export const topicListResponse = z.object({ total: z.number().int(), items: z.array(topicListItem) });
export type TopicListResponse = z.infer<typeof topicListResponse>;

export async function readTopicList(dataSource: DataSource, query: TopicListQuery): Promise<TopicListResponse> {
  const where: FindOptionsWhere<TopicFact> = {};
  if (query.communityId) where.communityId = query.communityId;
  if (query.stage) where.stage = query.stage;
  const [topics, total] = await dataSource.getRepository(TopicFact).findAndCount({
    where,
    order: { updatedAt: 'DESC', topicId: 'ASC' },
    take: query.limit,
    skip: query.offset,
  });
  const counters = await sumCountersByKey(dataSource, DeliberationDaily, ['ballots', 'comments'], {
    dimension: 'topic',
    keys: topics.map((t) => t.topicId),
  });
  return {
    total,
    items: topics.map((t) => {
      const live = counters.get(t.topicId);
      const ballotsCast = t.ballotsCast ?? live?.ballots ?? 0;
      return {
        topicId: t.topicId,
        title: t.title,
        communityId: t.communityId,
        gridId: t.gridId,
        stage: t.stage,
        proposedAt: t.proposedAt,
        votingClosesAt: t.votingClosesAt,
        eligibleVoters: t.eligibleVoters,
        ballotsCast,
        turnoutPercent: t.turnoutPercent ?? (t.eligibleVoters ? percentOf(ballotsCast, t.eligibleVoters) : null),
        quorumMet: t.quorumMet,
        passed: t.passed,
        result: t.result,
        implementationPercent: t.implementationPercent,
        meetingAttendance: t.attendanceInPerson + t.attendanceOnline + t.attendanceAssisted,
        comments: live?.comments ?? 0,
        updatedAt: t.updatedAt,
      };
    }),
  };
}

export const DELIBERATION_METRICS = [
  'proposed',
  'screened_accepted',
  'screened_merged',
  'screened_rejected',
  'attendance',
  'comments',
  'votingOpened',
  'ballots',
  'assistedBallots',
  'votingClosed',
  'quorumMet',
  'decidedAdopted',
  'decidedRejected',
  'suggestionsAdopted',
  'completed',
  'topicEvaluations',
  'topicEvaluationSum',
  'needsOrdered',
  'projectsFunded',
  'projectsCompleted',
] as const;

export const deliberationDailyQuery = z
  .object({
    communityId: z.string().min(1).optional().describe('Per community; ballots, comments and evaluations are counted per city only.'),
    ...windowQuery,
  })
  .superRefine((value, ctx) => refineWindow(value, ctx, MAX_SERIES_DAYS));
export type DeliberationDailyQuery = z.output<typeof deliberationDailyQuery>;

export const deliberationDailyResponse = z.object({
  dimension: z.string(),
  key: z.string(),
  from: z.string(),
  to: z.string(),
  metrics: z.array(z.enum(DELIBERATION_METRICS)),
  days: seriesDaysSchema(DELIBERATION_METRICS),
});

export async function readDeliberationDaily(dataSource: DataSource, query: DeliberationDailyQuery, now: Date, timeZone: string) {
  const { from, to } = seriesWindow(query, now, timeZone);
  const [dimension, key] = query.communityId ? ['community', query.communityId] : ['city', CITY];
  const days = await dailySeries(dataSource, DeliberationDaily, DELIBERATION_METRICS, { dimension, key, from, to });
  return { dimension, key, from, to, metrics: [...DELIBERATION_METRICS], days };
}

export const adoptedSuggestionsQuery = z.object({
  communityId: z.string().min(1).optional(),
  departmentId: z.string().min(1).optional().describe('Suggestions this department is responsible for.'),
  status: z.enum(['adopted', 'in_progress', 'completed']).optional(),
  ...page,
});
export type AdoptedSuggestionsQuery = z.output<typeof adoptedSuggestionsQuery>;

export const adoptedSuggestionItem = z.object({
  topicId: z.string(),
  title: z.string(),
  communityId: z.string().nullable(),
  responsibleDepartmentIds: z.array(z.string()),
  adoptedAt: z.string(),
  status: z.enum(['adopted', 'in_progress', 'completed']),
  progressPercent: z.number().int(),
  lastProgressNote: z.string().nullable(),
  lastProgressAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  completionSummary: z.string().nullable(),
});
export const adoptedSuggestionsResponse = z.object({
  total: z.number().int(),
  items: z.array(adoptedSuggestionItem).describe('Newest adoption first. No resident is named: the events carry no public name.'),
});
export type AdoptedSuggestionsResponse = z.infer<typeof adoptedSuggestionsResponse>;

export async function readAdoptedSuggestions(dataSource: DataSource, query: AdoptedSuggestionsQuery): Promise<AdoptedSuggestionsResponse> {
  const where: FindOptionsWhere<AdoptedSuggestion> = {};
  if (query.communityId) where.communityId = query.communityId;
  if (query.status) where.status = query.status;
  // simple-json stores the ids as a JSON array: match the quoted id.
  if (query.departmentId) where.responsibleDepartmentIds = Like(`%${JSON.stringify(query.departmentId)}%`) as never;
  const [rows, total] = await dataSource.getRepository(AdoptedSuggestion).findAndCount({
    where,
    order: { adoptedAt: 'DESC', topicId: 'ASC' },
    take: query.limit,
    skip: query.offset,
  });
  return {
    total,
    items: rows.map((r) => ({
      topicId: r.topicId,
      title: r.title,
      communityId: r.communityId,
      responsibleDepartmentIds: r.responsibleDepartmentIds,
      adoptedAt: r.adoptedAt,
      status: r.status,
      progressPercent: r.progressPercent,
      lastProgressNote: r.lastProgressNote,
      lastProgressAt: r.lastProgressAt,
      completedAt: r.completedAt,
      completionSummary: r.completionSummary,
    })),
  };
}
