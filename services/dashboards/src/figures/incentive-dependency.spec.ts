import { incentiveDependency } from './incentive-dependency';

describe('incentive dependency per month', () => {
  it('is the share of participation that earned points, month by month', () => {
    expect(
      incentiveDependency([
        { day: '2027-02-27', awards: 3, unrewarded: 1 },
        { day: '2027-02-28', awards: 1, unrewarded: 0 },
        { day: '2027-03-01', awards: 0, unrewarded: 3 },
        { day: '2027-03-02', awards: 1, unrewarded: 0 },
      ]),
    ).toEqual([
      { period: '2027-02', rewarded: 4, unrewarded: 1, materialSharePercent: 80 },
      { period: '2027-03', rewarded: 1, unrewarded: 3, materialSharePercent: 25 },
    ]);
  });

  it('has no share for a month without participation, rather than a made-up 0 %', () => {
    expect(incentiveDependency([{ day: '2027-04-01', awards: 0, unrewarded: 0 }])).toEqual([
      { period: '2027-04', rewarded: 0, unrewarded: 0, materialSharePercent: null },
    ]);
  });
});
