import type { DataSource } from 'typeorm';
import { MonthlyScore, ResidentProfile } from '../../read-models/points-read-models.entities';

/** A resident who never chose a display name is shown without one: ids never appear on a leaderboard. */
export const UNNAMED = '匿名居民';

export async function topTen(dataSource: DataSource, communityId: string, month: string) {
  const rows = await dataSource
    .getRepository(MonthlyScore)
    .createQueryBuilder('s')
    .leftJoin(ResidentProfile, 'p', 'p.resident_id = s.resident_id')
    .select(['s.points AS points', 'p.display_name AS display_name'])
    .where('s.community_id = :communityId AND s.month = :month AND s.points > 0', { communityId, month })
    .orderBy('s.points', 'DESC')
    .addOrderBy('s.resident_id', 'ASC')
    .limit(10)
    .getRawMany<{ points: number | string; display_name: string | null }>();
  return rows.map((row, index) => ({ rank: index + 1, displayName: row.display_name ?? UNNAMED, points: Number(row.points) }));
}

export async function monthsOfLeaderboard(dataSource: DataSource, communityId: string): Promise<string[]> {
  const rows = await dataSource
    .getRepository(MonthlyScore)
    .createQueryBuilder('s')
    .select('DISTINCT s.month', 'month')
    .where('s.community_id = :communityId', { communityId })
    .orderBy('s.month', 'DESC')
    .getRawMany<{ month: string }>();
  return rows.map((r) => r.month);
}
