import { integerVariable } from '@gongzhi/platform';
import { z } from 'zod';

export const TEAM_SHARE_VARIABLE = 'GONGZHI_CO_BUILDING_TEAM_SHARE_PERCENT';
/** How many hours before an activity's sign-up opens a resident whose level unlocks 'early-sign-up' may sign up. */
export const EARLY_SIGN_UP_HOURS_VARIABLE = 'GONGZHI_EARLY_SIGN_UP_HOURS';

/** The city's time zone: the days and times of space bookings are local times there. */
export const CITY_TIME_ZONE = 'Asia/Shanghai';

/** The service's configuration: the team's percent of a project's income; the community fund receives the rest (default 70/30). */
export class CoBuildingSettings {
  constructor(
    readonly teamSharePercent: number = 70,
    readonly timeZone: string = CITY_TIME_ZONE,
    readonly earlySignUpHours: number = 24,
  ) {
    if (!Number.isInteger(teamSharePercent) || teamSharePercent < 0 || teamSharePercent > 100) {
      throw new Error(`${TEAM_SHARE_VARIABLE} must be a whole percent from 0 to 100, got ${teamSharePercent}`);
    }
    try {
      new Intl.DateTimeFormat('en-CA', { timeZone });
    } catch {
      throw new Error(`The co-building time zone must be an IANA time zone such as ${CITY_TIME_ZONE}, got ${timeZone}`);
    }
  }
}

/** co-building's variables; the host checks them with every other service's, so a bad value is named with the rest. */
export const coBuildingSettingsSchema = z
  .object({
    [TEAM_SHARE_VARIABLE]: integerVariable({ min: 0, max: 100 }).default(70),
    [EARLY_SIGN_UP_HOURS_VARIABLE]: integerVariable({ min: 0, max: 24 * 30 }).default(24),
  })
  .transform((env) => new CoBuildingSettings(env[TEAM_SHARE_VARIABLE], CITY_TIME_ZONE, env[EARLY_SIGN_UP_HOURS_VARIABLE]));
