/** Days and months as residents live them: in China Standard Time (UTC+8, no daylight saving). */
const CST_OFFSET_MS = 8 * 3_600_000;

/** `2026-11-26` for any instant of that day in Shanghai. */
export function cstDay(at: Date): string {
  return new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** `2026-11` for any instant of that month in Shanghai. */
export function cstMonth(at: Date): string {
  return cstDay(at).slice(0, 7);
}

/** The instant a Shanghai day (`2026-12-01`) begins; `days` later for the end of a period given by its last day. */
export function cstDayStart(day: string, days = 0): string {
  return new Date(Date.parse(`${day}T00:00:00+08:00`) + days * 86_400_000).toISOString();
}

/** The city's time zone, the one `cstDay` reads days in; announced phases name it. */
export const CITY_TIME_ZONE = 'Asia/Shanghai';

/** The instant a city day (`2027-03-01`) begins: midnight there. */
export function startOfCstDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - CST_OFFSET_MS);
}
