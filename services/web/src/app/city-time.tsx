/**
 * The city's clock. Every time a person reads or enters is the city's (Asia/Shanghai), whatever zone the
 * browser is set to: a resident on a laptop set to another zone, or an ISO string's UTC date, must not move
 * a meeting by hours or a service date by a day.
 */
export const CITY_TIME_ZONE = 'Asia/Shanghai';
/** China keeps no daylight saving, so the city's offset is the same all year. */
const CITY_OFFSET = '+08:00';

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: CITY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function cityParts(instant: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  const found = Object.fromEntries(parts.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: found['year'],
    month: found['month'],
    day: found['day'],
    hour: found['hour'],
    minute: found['minute'],
  };
}

/** `YYYY-MM-DD`: the city's date of an instant (what a `<input type="date">` holds). */
export function cityDate(instant: Date): string {
  const p = cityParts(instant);
  return `${p.year}-${p.month}-${p.day}`;
}

/** `YYYY-MM-DDTHH:mm`: the city's wall-clock time of an instant (what a `<input type="datetime-local">` holds). */
export function cityDateTimeLocal(instant: Date): string {
  const p = cityParts(instant);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** The instant a person meant by a city wall-clock time `YYYY-MM-DDTHH:mm` (or a date and a time given apart). */
export function fromCityTime(local: string, time?: string): string {
  return new Date(`${time ? `${local}T${time}` : local}:00${CITY_OFFSET}`).toISOString();
}

/** The city's date `days` after an instant's. */
export function cityDateAfter(instant: Date, days: number): string {
  return cityDate(new Date(instant.getTime() + days * 86_400_000));
}
