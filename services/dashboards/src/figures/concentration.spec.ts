import { topTenPercentShare } from './concentration';

describe('how concentrated participation is (share of actions by the most active 10% of residents)', () => {
  it('is 10% when twenty residents each act alike', () => {
    expect(topTenPercentShare(Array(20).fill(3))).toBe(10);
  });

  it('shows when two of twenty residents make most of the actions', () => {
    expect(topTenPercentShare([40, 40, ...Array(18).fill(1)])).toBe(81.6);
  });

  it('counts at least one resident as the top tenth, and has no figure when nobody acted', () => {
    expect(topTenPercentShare([5, 3, 2])).toBe(50);
    expect(topTenPercentShare([])).toBeNull();
  });
});
