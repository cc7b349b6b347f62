import { In, type DataSource } from 'typeorm';
import { z } from 'zod';
import { BACKLOG_STATUSES, CaseFact } from '../../read-models/case-fact.entity';
import { AdoptedSuggestion } from '../../read-models/deliberation.entities';
import { caseSlaRow, readCaseSla } from '../cases/case-sla.query';
import { deliberationSummaryResponse, readDeliberationSummary } from '../deliberation/deliberation.query';
import { readParticipation } from '../participation/participation.query';
import { readPointsSummary } from '../points/points.query';
import { readWhistleSummary, whistleRow } from '../whistles/whistles.query';
import { recentWindow } from '../window';

export const OVERVIEW_DAYS = 30;

export const overviewResponse = z.object({
  asOf: z.string(),
  from: z.string().describe(`First day of the recent window (${OVERVIEW_DAYS} days up to today, city time zone).`),
  to: z.string(),
  openCasesNow: z.number().int().describe('Every open case, whenever reported.'),
  cases: caseSlaRow.describe('Cases reported in the window.'),
  whistles: whistleRow.describe('Whistles blown in the window.'),
  deliberation: deliberationSummaryResponse.describe('Every topic, whenever proposed.'),
  points: z.object({ issued: z.number(), redeemed: z.number(), volunteerHours: z.number() }).describe('In the window.'),
  activeResidents: z.number().int().describe('In the window.'),
  adoptedSuggestions: z.object({ total: z.number().int(), completed: z.number().int() }),
});
export type OverviewResponse = z.infer<typeof overviewResponse>;

/** The city dashboard's headline figures in one call. */
export async function readOverview(dataSource: DataSource, now: Date, timeZone: string): Promise<OverviewResponse> {
  const window = recentWindow(OVERVIEW_DAYS, now, timeZone);
  const [openCasesNow, cases, whistles, deliberation, points, participation, adoptedTotal, adoptedCompleted] = await Promise.all([
    dataSource.getRepository(CaseFact).countBy({ status: In([...BACKLOG_STATUSES]) }),
    readCaseSla(dataSource, { groupBy: 'city', ...window }, now),
    readWhistleSummary(dataSource, { groupBy: 'city', ...window }, now),
    readDeliberationSummary(dataSource, {}, now),
    readPointsSummary(dataSource, window, now),
    readParticipation(dataSource, window, now, timeZone),
    dataSource.getRepository(AdoptedSuggestion).count(),
    dataSource.getRepository(AdoptedSuggestion).countBy({ status: 'completed' }),
  ]);
  return {
    asOf: now.toISOString(),
    ...window,
    openCasesNow,
    cases: cases.rows[0],
    whistles: whistles.rows[0],
    deliberation,
    points: { issued: points.issued, redeemed: points.redeemed, volunteerHours: points.volunteerHours },
    activeResidents: participation.activeResidents,
    adoptedSuggestions: { total: adoptedTotal, completed: adoptedCompleted },
  };
}
