import { contains, type LatLong } from './geo';
import type { Bounds } from './reference-data.schema';

/**
 * The first of a list of boxes that holds a point, without trying them all: the city's bounds are cut into
 * CELLS × CELLS cells, and each cell lists (in the list's order) the boxes that reach into it. A point's cell names
 * the few boxes that can hold it. A box and a point use the same cell arithmetic, so a box that holds a point always
 * lists the point's cell: the answer is the one a scan of the whole list in order gives.
 */
export class BoxIndex<T> {
  private readonly cells: number[][];

  constructor(
    private readonly area: Bounds,
    private readonly items: readonly T[],
    private readonly boxOf: (item: T) => Bounds,
  ) {
    this.cells = Array.from({ length: CELLS * CELLS }, () => []);
    items.forEach((item, i) => {
      const box = boxOf(item);
      const [south, north] = [this.row(box.south), this.row(box.north)];
      const [west, east] = [this.column(box.west), this.column(box.east)];
      for (let r = south; r <= north; r++) for (let c = west; c <= east; c++) this.cells[r * CELLS + c].push(i);
    });
  }

  /** The first item, in the list's order, whose box holds the point; undefined when none does. */
  first(point: LatLong): T | undefined {
    for (const i of this.cells[this.row(point.lat) * CELLS + this.column(point.long)]) {
      if (contains(this.boxOf(this.items[i]), point)) return this.items[i];
    }
    return undefined;
  }

  private row(lat: number): number {
    return clampedCell((lat - this.area.south) / (this.area.north - this.area.south));
  }

  private column(long: number): number {
    return clampedCell((long - this.area.west) / (this.area.east - this.area.west));
  }
}

/** Cells per side: a district's few hundred grids come to a handful per cell. */
const CELLS = 32;

/** Outside the area (a box reaching past it, a point on its edge) counts as its edge cell. */
function clampedCell(fraction: number): number {
  const cell = Math.floor(fraction * CELLS);
  return Number.isFinite(cell) ? Math.min(CELLS - 1, Math.max(0, cell)) : 0;
}
