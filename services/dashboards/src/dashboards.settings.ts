import { z } from 'zod';
import type { OfficerPublication } from './queries/evaluation/league-table.query';

export const LEAGUE_TABLE_OFFICERS_VARIABLE = 'GONGZHI_LEAGUE_TABLE_OFFICERS';

export interface DashboardsSettings {
  /** Whether the published league table names officers; `hidden` (the default) ranks them unnamed. */
  readonly leagueTableOfficers: OfficerPublication;
}

export const DEFAULT_DASHBOARDS_SETTINGS: DashboardsSettings = { leagueTableOfficers: 'hidden' };

/** The dashboards' variables; the host checks them with every other service's. */
export const dashboardsSettingsSchema = z
  .object({
    [LEAGUE_TABLE_OFFICERS_VARIABLE]: z
      .enum(['named', 'hidden'], { message: 'expected named (the league table shows officer ids) or hidden' })
      .optional(),
  })
  .transform((env): DashboardsSettings => ({ leagueTableOfficers: env[LEAGUE_TABLE_OFFICERS_VARIABLE] ?? 'hidden' }));
