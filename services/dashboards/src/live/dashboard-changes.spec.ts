import { DashboardChanges, type DashboardChange } from './dashboard-changes';

describe('live dashboard changes', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('sends the first change at once and gathers a burst into at most one message per interval', () => {
    const changes = new DashboardChanges(500, () => new Date('2026-11-26T01:00:00.000Z'));
    const sent: DashboardChange[] = [];
    changes.changes.subscribe((change) => sent.push(change));

    changes.moved(['cases']);
    jest.advanceTimersByTime(0);
    expect(sent.map((c) => c.figures)).toEqual([['cases']]);

    for (let i = 0; i < 100; i++) changes.moved(i % 2 ? ['points'] : ['cases', 'participation']);
    jest.advanceTimersByTime(499);
    expect(sent).toHaveLength(1);
    jest.advanceTimersByTime(1);
    expect(sent.map((c) => c.figures)).toEqual([['cases'], ['cases', 'participation', 'points']]);

    jest.advanceTimersByTime(5_000);
    expect(sent).toHaveLength(2);
    changes.close();
  });

  it('sends nothing when nothing moved, and ends the stream on close', () => {
    const changes = new DashboardChanges(500);
    let completed = false;
    const sent: DashboardChange[] = [];
    changes.changes.subscribe({ next: (c) => sent.push(c), complete: () => (completed = true) });
    changes.moved([]);
    jest.advanceTimersByTime(1_000);
    changes.close();
    expect(sent).toEqual([]);
    expect(completed).toBe(true);
  });
});
