import { z } from 'zod';

/** A month (2026-11) or a quarter (2026-Q4) of the city's calendar, as evaluation reports and the league table count. */
export const evaluationPeriod = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, 'a month like 2026-11 or a quarter like 2026-Q4')
  .describe('A month (2026-11) or a quarter (2026-Q4), in the city time zone.');

const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, '0');

/** The first and last calendar day (YYYY-MM-DD, both included) of a period. */
export function daysOfPeriod(period: string): { from: string; to: string } {
  const year = Number(period.slice(0, 4));
  const quarter = /Q([1-4])$/.exec(period);
  const [firstMonth, lastMonth] = quarter
    ? [Number(quarter[1]) * 3 - 2, Number(quarter[1]) * 3]
    : [Number(period.slice(5)), Number(period.slice(5))];
  return { from: `${year}-${pad(firstMonth)}-01`, to: `${year}-${pad(lastMonth)}-${pad(lastDayOfMonth(year, lastMonth))}` };
}
