import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { daysBetween } from '../../figures/city-day';
import { topTenPercentShare } from '../../figures/concentration';
import { ACTIVITY_KINDS, ResidentActivity } from '../../read-models/resident-activity.entity';
import { MAX_SERIES_DAYS, refineWindow, seriesWindow, windowQuery } from '../window';

export const participationQuery = z.object({ ...windowQuery }).superRefine((value, ctx) => refineWindow(value, ctx, MAX_SERIES_DAYS));
export type ParticipationQuery = z.output<typeof participationQuery>;

export const participationResponse = z.object({
  from: z.string(),
  to: z.string(),
  activeResidents: z
    .number()
    .int()
    .describe(
      'Distinct residents who reported, proposed, commented, attended, voted, ordered a need, evaluated, volunteered or redeemed in the window.',
    ),
  byKind: z
    .record(z.enum(ACTIVITY_KINDS), z.number().int())
    .describe('Distinct residents per kind of activity (one resident may count in several).'),
  days: z.array(z.object({ day: z.string(), activeResidents: z.number().int() })),
  topTenPercentShare: z
    .number()
    .nullable()
    .describe(
      'Share (%) of all participation actions (a resident, a day, a kind) made by the most active 10% of residents; null when nobody acted.',
    ),
});
export type ParticipationResponse = z.infer<typeof participationResponse>;

/** Active residents (distinct, counted in SQL: no resident id leaves the database). */
export async function readParticipation(
  dataSource: DataSource,
  query: ParticipationQuery,
  now: Date,
  timeZone: string,
): Promise<ParticipationResponse> {
  const { from, to } = seriesWindow(query, now, timeZone);
  const base = () =>
    dataSource.getRepository(ResidentActivity).createQueryBuilder('a').where('a.day >= :from AND a.day <= :to', { from, to });
  const total = await base().select('COUNT(DISTINCT a.residentId)', 'n').getRawOne<{ n: string | number }>();
  const kinds = await base()
    .select('a.kind', 'kind')
    .addSelect('COUNT(DISTINCT a.residentId)', 'n')
    .groupBy('a.kind')
    .getRawMany<{ kind: string; n: string | number }>();
  const perDay = await base()
    .select('a.day', 'day')
    .addSelect('COUNT(DISTINCT a.residentId)', 'n')
    .groupBy('a.day')
    .getRawMany<{ day: string; n: string | number }>();
  const byKind = Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, 0])) as Record<(typeof ACTIVITY_KINDS)[number], number>;
  for (const row of kinds) if (Object.hasOwn(byKind, row.kind)) byKind[row.kind as keyof typeof byKind] = Number(row.n);
  const daily = new Map(perDay.map((row) => [row.day, Number(row.n)]));
  // Counts per resident, grouped in SQL: the ids themselves never leave the database.
  const perResident = await base().select('COUNT(*)', 'n').groupBy('a.residentId').getRawMany<{ n: string | number }>();
  return {
    from,
    to,
    activeResidents: Number(total?.n ?? 0),
    byKind,
    days: daysBetween(from, to).map((day) => ({ day, activeResidents: daily.get(day) ?? 0 })),
    topTenPercentShare: topTenPercentShare(perResident.map((row) => Number(row.n))),
  };
}
