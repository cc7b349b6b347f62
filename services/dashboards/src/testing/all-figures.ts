import type { DataSource } from 'typeorm';
import { CASE_GROUPS, readCaseSla } from '../queries/cases/case-sla.query';
import { readCaseDaily } from '../queries/cases/case-daily.query';
import { readCoBuildingDaily } from '../queries/co-building/co-building-daily.query';
import { readCoBuildingProjects } from '../queries/co-building/co-building-projects.query';
import { readCoBuildingSummary } from '../queries/co-building/co-building-summary.query';
import { readAdoptedSuggestions, readDeliberationDaily, readDeliberationSummary, readTopicList } from '../queries/deliberation/deliberation.query';
import { readOverview } from '../queries/overview/overview.query';
import { readParticipation } from '../queries/participation/participation.query';
import { readHonourRoll, readPointsDaily, readPointsSummary } from '../queries/points/points.query';
import { readWhistleDaily, readWhistleSummary } from '../queries/whistles/whistles.query';

/** Every figure the query API serves for the city, read at `now`: what a replay must reproduce. */
export async function readAllFigures(dataSource: DataSource, now: Date, timeZone = 'Asia/Shanghai') {
  const window = { from: '2026-11-20', to: '2026-12-05' };
  return {
    overview: await readOverview(dataSource, now, timeZone),
    sla: await Promise.all(CASE_GROUPS.map((groupBy) => readCaseSla(dataSource, { groupBy }, now))),
    casesDaily: await readCaseDaily(dataSource, { dimension: 'city', ...window }, now, timeZone),
    casesDailyStreet: await readCaseDaily(dataSource, { dimension: 'street', key: 'street-a', ...window }, now, timeZone),
    whistles: await Promise.all((['city', 'street', 'department'] as const).map((groupBy) => readWhistleSummary(dataSource, { groupBy }, now))),
    whistlesDaily: await readWhistleDaily(dataSource, { dimension: 'city', ...window }, now, timeZone),
    deliberation: await readDeliberationSummary(dataSource, {}, now),
    topics: await readTopicList(dataSource, { limit: 200, offset: 0 }),
    deliberationDaily: await readDeliberationDaily(dataSource, window, now, timeZone),
    adopted: await readAdoptedSuggestions(dataSource, { limit: 200, offset: 0 }),
    points: await readPointsSummary(dataSource, {}, now),
    pointsDaily: await readPointsDaily(dataSource, window, now, timeZone),
    honourRoll: await readHonourRoll(dataSource, { limit: 100 }),
    participation: await readParticipation(dataSource, window, now, timeZone),
    coBuilding: await Promise.all((['city', 'community'] as const).map((groupBy) => readCoBuildingSummary(dataSource, { groupBy }, now, timeZone))),
    coBuildingDaily: await readCoBuildingDaily(dataSource, window, now, timeZone),
    coBuildingProjects: await readCoBuildingProjects(dataSource, { limit: 200, offset: 0 }),
  };
}
