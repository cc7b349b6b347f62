import { BoxIndex } from './box-index';
import { contains, type LatLong } from './geo';
import type { Bounds } from './reference-data.schema';

describe('BoxIndex', () => {
  const area: Bounds = { south: 31.1, north: 31.3, west: 121.4, east: 121.6 };
  // A fixed sequence, so a failure reproduces.
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const between = (a: number, b: number) => a + random() * (b - a);
  const box = (): Bounds => {
    const [south, west] = [between(31.05, 31.3), between(121.35, 121.6)];
    return { south, north: south + between(0, 0.03), west, east: west + between(0, 0.03) };
  };

  it('answers, for any point, the first box in the list that holds it, as a scan of the whole list does', () => {
    const boxes = Array.from({ length: 400 }, box);
    const index = new BoxIndex(area, boxes, (b) => b);
    const points: LatLong[] = [
      ...Array.from({ length: 5_000 }, () => ({ lat: between(31.1, 31.3), long: between(121.4, 121.6) })),
      // Points on boxes' own edges and corners, and on the area's.
      ...boxes.flatMap((b) => [
        { lat: b.south, long: b.west },
        { lat: b.north, long: b.east },
        { lat: b.north, long: between(b.west, b.east) },
      ]),
      { lat: area.south, long: area.west },
      { lat: area.north, long: area.east },
    ];
    let held = 0;
    for (const point of points) {
      const expected = boxes.find((b) => contains(b, point));
      if (expected) held++;
      expect(index.first(point)).toBe(expected);
    }
    // Both answers occur: points inside some box, and points in none.
    expect(held).toBeGreaterThan(1_000);
    expect(held).toBeLessThan(points.length);
  });

  it('keeps the list order among overlapping boxes', () => {
    const outer: Bounds = { south: 31.1, north: 31.3, west: 121.4, east: 121.6 };
    const inner: Bounds = { south: 31.2, north: 31.21, west: 121.5, east: 121.51 };
    const point = { lat: 31.205, long: 121.505 };
    expect(new BoxIndex(area, [inner, outer], (b) => b).first(point)).toBe(inner);
    expect(new BoxIndex(area, [outer, inner], (b) => b).first(point)).toBe(outer);
  });
});
