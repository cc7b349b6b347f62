import { DomainError } from '@gongzhi/eventsourcing';

/** A pool is named by its community and year in every path: /api/deliberation/budgets/:communityId/:year. */
export function budgetYear(param: string): number {
  const year = Number(param);
  if (!/^\d{4}$/.test(param) || year < 2000 || year > 2100) {
    throw new DomainError('BUDGET.YEAR_INVALID', `expected a year such as 2026, got ${JSON.stringify(param)}`, { field: 'year' });
  }
  return year;
}
