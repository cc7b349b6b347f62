/**
 * How concentrated participation is: the share (percent, one decimal) of all actions made by the most
 * active tenth of residents — at least one resident. Null when nobody acted. 10% of residents making 10%
 * of the actions is an even spread; the closer to 100, the more the same few do everything.
 */
export function topTenPercentShare(actionsPerResident: readonly number[]): number | null {
  const total = actionsPerResident.reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  const top = Math.max(1, Math.ceil(actionsPerResident.length / 10));
  const topActions = [...actionsPerResident]
    .sort((a, b) => b - a)
    .slice(0, top)
    .reduce((sum, n) => sum + n, 0);
  return Math.round((topActions / total) * 1000) / 10;
}
