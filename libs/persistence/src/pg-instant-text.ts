import { types } from 'pg';

/** PostgreSQL's type ids of `timestamptz` and `timestamp`. */
export const TIMESTAMPTZ_OID = 1184;
export const TIMESTAMP_OID = 1114;

const PG_TIMESTAMP = /^(\d{4,})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)(\.\d+)?(?:([+-])(\d\d)(?::?(\d\d))?(?::?(\d\d))?|Z)?( BC)?$/;

/**
 * A timestamp as PostgreSQL writes it (`2026-12-04 16:00:00.123456+08`, whatever the session's time zone) as the
 * ISO-8601 UTC string entities use (`2026-12-04T08:00:00.123Z`). A timestamp without zone is read as UTC.
 * `infinity` and anything unrecognised come back as PostgreSQL wrote them rather than as a wrong instant.
 */
export function pgTimestampToIso(text: string): string {
  const match = PG_TIMESTAMP.exec(text);
  if (!match) return text;
  const [, year, month, day, hour, minute, second, fraction, sign, offsetHours, offsetMinutes, offsetSeconds, bc] = match;
  const fullYear = bc ? 1 - Number(year) : Number(year);
  const millis = fraction ? Math.floor(Number(fraction) * 1000) : 0;
  const utc = new Date(0);
  utc.setUTCFullYear(fullYear, Number(month) - 1, Number(day));
  utc.setUTCHours(Number(hour), Number(minute), Number(second), millis);
  const offset = sign
    ? (sign === '-' ? -1 : 1) * (Number(offsetHours) * 3600 + Number(offsetMinutes ?? 0) * 60 + Number(offsetSeconds ?? 0))
    : 0;
  return new Date(utc.getTime() - offset * 1000).toISOString();
}

/**
 * The type parsers of one pg pool: timestamps as ISO strings, everything else as pg's own (global) parsers say.
 * Given through `extra.types`, so pg's global parsers, which other pools of the process use, stay as they are.
 */
export const instantTextTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
    if (oid === TIMESTAMPTZ_OID || oid === TIMESTAMP_OID) return pgTimestampToIso;
    return types.getTypeParser(oid, format as 'text') as (value: string) => unknown;
  },
};
