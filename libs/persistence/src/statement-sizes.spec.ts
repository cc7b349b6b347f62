import { statementChunks } from './statement-sizes';

describe('statementChunks', () => {
  const sizes = (count: number, max: number) => statementChunks(count, max).map(([start, end]) => end - start);

  it('cuts a batch into power-of-two chunks, the largest first, covering every item once and in order', () => {
    expect(sizes(37, 128)).toEqual([32, 4, 1]);
    expect(sizes(300, 128)).toEqual([128, 128, 32, 8, 4]);
    expect(sizes(1, 128)).toEqual([1]);
    expect(sizes(0, 128)).toEqual([]);
    expect(statementChunks(7, 4)).toEqual([
      [0, 4],
      [4, 6],
      [6, 7],
    ]);
  });

  it('uses at most log2(max) + 1 distinct sizes whatever the batches, where cutting at the maximum used one per size', () => {
    const distinct = new Set<number>();
    for (let count = 1; count <= 1000; count++) for (const size of sizes(count, 256)) distinct.add(size);
    expect([...distinct].sort((a, b) => a - b)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256]);
  });

  it('refuses a maximum that is not a power of two', () => {
    expect(() => statementChunks(10, 200)).toThrow('max must be a power of two, not 200');
  });
});
