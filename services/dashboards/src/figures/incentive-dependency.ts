import { percentOf } from './percentile';

export interface DailyParticipation {
  readonly day: string;
  /** Participation that earned points. */
  readonly awards: number;
  /** Participation that earned nothing material: an honour mention instead, or over the daily cap. */
  readonly unrewarded: number;
}

export interface PeriodDependency {
  /** The month, YYYY-MM in the city's calendar. */
  readonly period: string;
  readonly rewarded: number;
  readonly unrewarded: number;
  /** Of all participation in the month, the share that earned a material reward, in percent; null with none. */
  readonly materialSharePercent: number | null;
}

/**
 * Incentive dependency (激励依赖度) per month: how much of the participation a points rule saw was paid for.
 * As a city fades material rewards, a falling share with steady participation means residents take part
 * without being paid; a falling total means they came for the points.
 */
export function incentiveDependency(days: readonly DailyParticipation[]): PeriodDependency[] {
  const months = new Map<string, { rewarded: number; unrewarded: number }>();
  for (const day of days) {
    const month = months.get(day.day.slice(0, 7)) ?? { rewarded: 0, unrewarded: 0 };
    month.rewarded += day.awards;
    month.unrewarded += day.unrewarded;
    months.set(day.day.slice(0, 7), month);
  }
  return [...months.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([period, { rewarded, unrewarded }]) => ({
      period,
      rewarded,
      unrewarded,
      materialSharePercent: percentOf(rewarded, rewarded + unrewarded),
    }));
}
