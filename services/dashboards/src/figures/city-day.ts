/** The city's time zone: a day of the dashboards is a calendar day there, not in UTC. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();

const daysByMinute = new Map<string, string>();
/** Per time zone, the day of every instant of a UTC hour (`2026-11-26T15`), or null for an hour in which the day changes. */
const daysByHour = new Map<string, Map<string, string | null>>();
const ISO_INSTANT = /^(19[7-9]\d|[2-9]\d{3})-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?Z$/;

/**
 * The calendar day (YYYY-MM-DD) of an instant in `timeZone`. An ISO instant's day is remembered by its UTC hour, when
 * the day is the same all through that hour (as it is in 23 hours of 24), else by its minute: every offset since 1970
 * is a whole number of minutes, so the instants of one minute share a day. A rebuild asks for the day of a few hundred
 * thousand events that fall in far fewer hours.
 */
export function dayOf(at: string | Date, timeZone: string): string {
  if (typeof at === 'string' && ISO_INSTANT.test(at)) {
    let hours = daysByHour.get(timeZone);
    if (!hours) daysByHour.set(timeZone, (hours = new Map()));
    const hour = at.slice(0, 13);
    let wholeHour = hours.get(hour);
    if (wholeHour === undefined) {
      if (hours.size >= 100_000) hours.clear();
      wholeHour = dayOfWholeHour(hour, timeZone);
      hours.set(hour, wholeHour);
    }
    if (wholeHour !== null) return wholeHour;
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

/**
 * The day of every instant of the UTC hour, or null if not all have the same one. The day is the same at the hour's
 * first and last millisecond, and the zone's offset too, so no change of offset falls inside it (the zones change
 * theirs months apart) and the city's clock runs on without crossing a midnight.
 */
function dayOfWholeHour(hour: string, timeZone: string): string | null {
  const first = new Date(`${hour}:00:00.000Z`);
  const last = new Date(first.getTime() + 3_599_999);
  const day = formatDay(first, timeZone);
  return day === formatDay(last, timeZone) && offsetOf(first, timeZone) === offsetOf(last, timeZone) ? day : null;
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at that instant, as Intl writes it (`GMT+08:00`). */
function offsetOf(at: Date, timeZone: string): string {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormatters.set(timeZone, formatter);
  }
  return formatter.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? '';
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
