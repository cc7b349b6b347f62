// A tally of every answer, shared by all actors so the summary covers the whole run.
export const byAction = new Map<string, number>();
export const byStatus = new Map<string, number>();
export const failures = new Map<string, string>();
export const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
