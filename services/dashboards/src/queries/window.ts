import { z } from 'zod';
import { addDays, dayOf } from '../figures/city-day';

export const day = z.iso.date().describe('A calendar day in the city time zone, YYYY-MM-DD.');

/** An optional day range; both ends included. */
export const windowQuery = {
  from: day.optional().describe('First day, included (city time zone). Default: no lower bound (daily series: 29 days before `to`).'),
  to: day.optional().describe('Last day, included. Default: no upper bound (daily series: today).'),
};

export const MAX_SERIES_DAYS = 731;

export interface DayWindow {
  readonly from: string | null;
  readonly to: string | null;
}

/** A closed window for a daily series: `to` defaults to today, `from` to 29 days before it (30 days). */
export function seriesWindow(query: { from?: string; to?: string }, now: Date, timeZone: string): { from: string; to: string } {
  const to = query.to ?? (query.from ? addDays(query.from, 29) : dayOf(now, timeZone));
  const from = query.from ?? addDays(to, -29);
  return { from, to };
}

/** The last `days` days up to today, in the city's calendar. */
export function recentWindow(days: number, now: Date, timeZone: string): { from: string; to: string } {
  const to = dayOf(now, timeZone);
  return { from: addDays(to, -(days - 1)), to };
}

/** Rejects a reversed or too long range, so a typo cannot ask for a million-day series. */
export function refineWindow(value: { from?: string; to?: string }, ctx: z.core.$RefinementCtx, maxDays?: number): void {
  if (value.from && value.to && value.from > value.to) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  }
  if (maxDays && value.from && value.to && Date.parse(value.to) - Date.parse(value.from) >= maxDays * 86_400_000) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: `the range may span at most ${maxDays} days` });
  }
}
