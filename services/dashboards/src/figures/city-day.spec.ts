import { addDays, dayOf, daysBetween } from './city-day';

describe("the city's calendar days", () => {
  it('counts an instant on its day in the city, not in UTC', () => {
    expect(dayOf('2026-11-26T15:59:59.000Z', 'Asia/Shanghai')).toBe('2026-11-26');
    expect(dayOf('2026-11-26T16:00:00.000Z', 'Asia/Shanghai')).toBe('2026-11-27');
    expect(dayOf('2026-11-26T16:00:00.000Z', 'UTC')).toBe('2026-11-26');
  });

  it('gives each instant of a minute the day of that minute, in each time zone its own, however often it is asked', () => {
    for (let round = 0; round < 2; round++) {
      expect(dayOf('2026-11-26T15:59:00.000Z', 'Asia/Shanghai')).toBe('2026-11-26');
      expect(dayOf('2026-11-26T15:59:59.999Z', 'Asia/Shanghai')).toBe('2026-11-26');
      expect(dayOf('2026-11-26T16:00:00.000Z', 'Asia/Shanghai')).toBe('2026-11-27');
      expect(dayOf('2026-11-26T16:00:00.000Z', 'UTC')).toBe('2026-11-26');
      expect(dayOf('2026-11-26T18:14:00.000Z', 'Asia/Kathmandu')).toBe('2026-11-26');
      expect(dayOf('2026-11-26T18:15:00.000Z', 'Asia/Kathmandu')).toBe('2026-11-27');
      expect(dayOf(new Date('2026-11-26T16:00:00.000Z'), 'Asia/Shanghai')).toBe('2026-11-27');
    }
  });

  it('lists every day of a window, both ends included, across month ends', () => {
    expect(daysBetween('2026-11-29', '2026-12-02')).toEqual(['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02']);
    expect(daysBetween('2026-12-02', '2026-12-01')).toEqual([]);
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
