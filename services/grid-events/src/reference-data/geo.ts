import type { Bounds } from './reference-data.schema';

export interface LatLong {
  readonly lat: number;
  readonly long: number;
}

const EARTH_RADIUS_METRES = 6_371_008.8;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in metres (haversine), good to well under a metre at a city's scale. */
export function distanceMetres(a: LatLong, b: LatLong): number {
  const dLat = radians(b.lat - a.lat);
  const dLong = radians(b.long - a.long);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLong / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function contains(bounds: Bounds, point: LatLong): boolean {
  return point.lat >= bounds.south && point.lat <= bounds.north && point.long >= bounds.west && point.long <= bounds.east;
}

export function centreOf(bounds: Bounds): LatLong {
  return { lat: (bounds.south + bounds.north) / 2, long: (bounds.west + bounds.east) / 2 };
}
