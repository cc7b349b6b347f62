export const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];
export const chance = (p: number) => Math.random() < p;
export const between = (a: number, b: number) => a + Math.random() * (b - a);
