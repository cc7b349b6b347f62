/** The city's time zone: a day of the dashboards is a calendar day there, not in UTC. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();

const daysByMinute = new Map<string, string>();
const ISO_INSTANT = /^(19[7-9]\d|[2-9]\d{3})-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?Z$/;

/**
 * The calendar day (YYYY-MM-DD) of an instant in `timeZone`. An ISO instant's day is remembered by its minute:
 * every offset since 1970 is a whole number of minutes, so the instants of one minute share a day, and a
 * rebuild asks for the day of a few hundred thousand events that fall in far fewer minutes.
 */
export function dayOf(at: string | Date, timeZone: string): string {
  if (typeof at === 'string' && ISO_INSTANT.test(at)) {
    const key = `${timeZone} ${at.slice(0, 16)}`;
    const known = daysByMinute.get(key);
    if (known !== undefined) return known;
    if (daysByMinute.size >= 100_000) daysByMinute.clear();
    const day = formatDay(new Date(at), timeZone);
    daysByMinute.set(key, day);
    return day;
  }
  return formatDay(typeof at === 'string' ? new Date(at) : at, timeZone);
}

function formatDay(at: Date, timeZone: string): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // en-CA writes dates as YYYY-MM-DD.
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(at);
}

/** Every day from `from` to `to`, both included (YYYY-MM-DD, calendar arithmetic, no time zone involved). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function secondsBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 1000);
}
