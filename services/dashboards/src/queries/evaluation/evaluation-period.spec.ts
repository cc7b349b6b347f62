import { daysOfPeriod, evaluationPeriod } from './evaluation-period';

describe('evaluation periods', () => {
  it('spans a month or a quarter of calendar days, leap years included', () => {
    expect(daysOfPeriod('2026-11')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(daysOfPeriod('2026-Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(daysOfPeriod('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(daysOfPeriod('2027-Q1')).toEqual({ from: '2027-01-01', to: '2027-03-31' });
  });

  it('refuses what is neither, saying what it expects', () => {
    for (const bad of ['2026-13', '2026-Q5', '2026', 'Q4-2026']) {
      expect(evaluationPeriod.safeParse(bad).error?.issues[0].message).toBe('a month like 2026-11 or a quarter like 2026-Q4');
    }
  });
});
