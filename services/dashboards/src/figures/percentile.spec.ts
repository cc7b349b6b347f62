import { percentOf, percentile } from './percentile';

describe('percentile', () => {
  it('interpolates between closest ranks like percentile_cont', () => {
    expect(percentile([5, 1, 4, 2, 3], 0.5)).toBe(3);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([60, 120, 180, 240, 300], 0.9)).toBeCloseTo(276);
    expect(percentile([7], 0.9)).toBe(7);
  });

  it('has no value for no values', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentOf(1, 0)).toBeNull();
    expect(percentOf(2, 3)).toBe(66.7);
  });
});
