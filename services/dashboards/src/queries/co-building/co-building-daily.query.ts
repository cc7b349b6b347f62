import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { CoBuildingDaily } from '../../read-models/co-building.entities';
import { CITY } from '../../read-models/daily-counter';
import { dailySeries, seriesDaysSchema } from '../daily-series';
import { MAX_SERIES_DAYS, refineWindow, seriesWindow, windowQuery } from '../window';

export const CO_BUILDING_DAILY_METRICS = [
  'projectsStarted',
  'membersJoined',
  'resourcesRequested',
  'requestsApproved',
  'requestsDeclined',
  'activitiesReported',
  'activityParticipants',
  'incomeFen',
  'teamShareFen',
  'fundShareFen',
  'fundSpentFen',
  'resourcesListed',
  'spaceBookings',
  'spaceBookingsCancelled',
  'needsPosted',
  'organisationsRegistered',
  'organisationsGraded',
] as const;

export const coBuildingDailyQuery = z
  .object({ communityId: z.string().min(1).optional().describe('One community; the city by default.'), ...windowQuery })
  .superRefine((value, ctx) => refineWindow(value, ctx, MAX_SERIES_DAYS));
export type CoBuildingDailyQuery = z.output<typeof coBuildingDailyQuery>;

export const coBuildingDailyResponse = z.object({
  dimension: z.string(),
  key: z.string(),
  from: z.string(),
  to: z.string(),
  metrics: z.array(z.enum(CO_BUILDING_DAILY_METRICS)),
  days: seriesDaysSchema(CO_BUILDING_DAILY_METRICS),
});

export async function readCoBuildingDaily(dataSource: DataSource, query: CoBuildingDailyQuery, now: Date, timeZone: string) {
  const { from, to } = seriesWindow(query, now, timeZone);
  const [dimension, key] = query.communityId ? ['community', query.communityId] : ['city', CITY];
  const days = await dailySeries(dataSource, CoBuildingDaily, CO_BUILDING_DAILY_METRICS, { dimension, key, from, to });
  return { dimension, key, from, to, metrics: [...CO_BUILDING_DAILY_METRICS], days };
}
