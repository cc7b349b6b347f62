/**
 * A box around a point that holds every place within `metres` of it on the great circle (any Earth radius the
 * services use, with 1% to spare): what an index on latitude narrows a "near here" search to before the exact
 * distance is checked. Events carry places as `{ lat, long }` in degrees.
 */
export function boxAround(point: { lat: number; long: number }, metres: number) {
  const dLat = ((metres * 1.01) / 6_371_000) * (180 / Math.PI);
  const farthestLat = Math.min(89.9, Math.abs(point.lat) + dLat);
  const dLong = dLat / Math.cos((farthestLat * Math.PI) / 180);
  return { south: point.lat - dLat, north: point.lat + dLat, west: point.long - dLong, east: point.long + dLong };
}
