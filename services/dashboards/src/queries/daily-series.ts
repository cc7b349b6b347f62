import { z } from 'zod';
import { Between, type DataSource, type EntityTarget } from 'typeorm';
import { daysBetween } from '../figures/city-day';
import type { DailyCounter } from '../read-models/daily-counter';

export type DailyPoint<Metric extends string> = { day: string } & Record<Metric, number>;

/** Sums of counters in a window, per metric, for one (dimension, key). Missing metrics are 0. */
export async function sumCounters<Metric extends string>(
  dataSource: DataSource,
  entity: EntityTarget<DailyCounter>,
  metrics: readonly Metric[],
  where: { dimension: string; key: string; from?: string | null; to?: string | null },
): Promise<Record<Metric, number>> {
  const qb = dataSource
    .getRepository(entity)
    .createQueryBuilder('c')
    .select('c.metric', 'metric')
    .addSelect('SUM(c.value)', 'total')
    .where('c.dimension = :dimension AND c.dimKey = :key', { dimension: where.dimension, key: where.key })
    .groupBy('c.metric');
  if (where.from) qb.andWhere('c.day >= :from', { from: where.from });
  if (where.to) qb.andWhere('c.day <= :to', { to: where.to });
  const rows = await qb.getRawMany<{ metric: string; total: string | number }>();
  const sums = Object.fromEntries(metrics.map((m) => [m, 0])) as Record<Metric, number>;
  for (const row of rows) if ((metrics as readonly string[]).includes(row.metric)) sums[row.metric as Metric] = Number(row.total);
  return sums;
}

/** Sums per key of one dimension (a league table of counters): `{ key → { metric → sum } }`. */
export async function sumCountersByKey<Metric extends string>(
  dataSource: DataSource,
  entity: EntityTarget<DailyCounter>,
  metrics: readonly Metric[],
  where: { dimension: string; from?: string | null; to?: string | null; keys?: readonly string[] },
): Promise<Map<string, Record<Metric, number>>> {
  const qb = dataSource
    .getRepository(entity)
    .createQueryBuilder('c')
    .select('c.dimKey', 'key')
    .addSelect('c.metric', 'metric')
    .addSelect('SUM(c.value)', 'total')
    .where('c.dimension = :dimension', { dimension: where.dimension })
    .andWhere('c.metric IN (:...metrics)', { metrics })
    .groupBy('c.dimKey')
    .addGroupBy('c.metric');
  if (where.from) qb.andWhere('c.day >= :from', { from: where.from });
  if (where.to) qb.andWhere('c.day <= :to', { to: where.to });
  if (where.keys) {
    if (where.keys.length === 0) return new Map();
    qb.andWhere('c.dimKey IN (:...keys)', { keys: where.keys });
  }
  const result = new Map<string, Record<Metric, number>>();
  for (const row of await qb.getRawMany<{ key: string; metric: Metric; total: string | number }>()) {
    const sums = result.get(row.key) ?? (Object.fromEntries(metrics.map((m) => [m, 0])) as Record<Metric, number>);
    sums[row.metric] = Number(row.total);
    result.set(row.key, sums);
  }
  return result;
}

/** A dense daily series (every day of the window, zeros included) of the given metrics. */
export async function dailySeries<Metric extends string>(
  dataSource: DataSource,
  entity: EntityTarget<DailyCounter>,
  metrics: readonly Metric[],
  where: { dimension: string; key: string; from: string; to: string },
): Promise<DailyPoint<Metric>[]> {
  const rows = await dataSource.getRepository(entity).find({
    where: { dimension: where.dimension, dimKey: where.key, day: Between(where.from, where.to) },
  });
  const byDay = new Map<string, DailyPoint<Metric>>(
    daysBetween(where.from, where.to).map((d) => [d, { day: d, ...Object.fromEntries(metrics.map((m) => [m, 0])) } as DailyPoint<Metric>]),
  );
  for (const row of rows) {
    const point = byDay.get(row.day);
    if (point && (metrics as readonly string[]).includes(row.metric))
      (point as Record<string, number | string>)[row.metric] = Number(row.value);
  }
  return [...byDay.values()];
}

/** The OpenAPI shape of a dense daily series: `{ day, <metric>: number … }` per day. */
export const seriesDaysSchema = (metrics: readonly string[]) =>
  z
    .array(z.looseObject({ day: z.string() }))
    .describe(`One entry per day of the window, zeros included: { day, ${metrics.join(', ')} } (numbers).`);
