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

  it('gives every instant the day a calendar in the city shows, also in zones whose clocks change at midnight', () => {
    const zones = ['Asia/Shanghai', 'America/Santiago', 'America/Havana', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Europe/London'];
    for (const timeZone of zones) {
      const calendar = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
      const wrong: string[] = [];
      // Every 31 minutes of a year, and each instant's last millisecond of its minute.
      for (let t = Date.parse('2026-01-01T00:00:00.000Z'); t < Date.parse('2027-01-01T00:00:00.000Z'); t += 31 * 60_000) {
        for (const at of [new Date(t), new Date(t + 59_999)]) {
          if (dayOf(at.toISOString(), timeZone) !== calendar.format(at)) wrong.push(at.toISOString());
        }
      }
      expect({ timeZone, wrong }).toEqual({ timeZone, wrong: [] });
    }
  });

  it('lists every day of a window, both ends included, across month ends', () => {
    expect(daysBetween('2026-11-29', '2026-12-02')).toEqual(['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02']);
    expect(daysBetween('2026-12-02', '2026-12-01')).toEqual([]);
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
