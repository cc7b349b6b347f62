/**
 * A record's value under a key that came from outside (a route parameter, a query or body field, a header, an
 * event's data). A plain `record[key]` answers `constructor`, `toString` or `__proto__` with what every object
 * inherits, so a made-up key would pass as a known one; only the record's own properties count here.
 */
export function ownValue<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Whether a key from outside names one of the record's own properties (never an inherited one). */
export function hasOwnKey(record: object, key: PropertyKey): boolean {
  return Object.hasOwn(record, key);
}

/** The names every plain object inherits or treats specially: what a test of an outside-keyed lookup tries. */
export const PROTOTYPE_NAMES: readonly string[] = [
  'constructor',
  'toString',
  '__proto__',
  'hasOwnProperty',
  'valueOf',
  'prototype',
  '__defineGetter__',
];
