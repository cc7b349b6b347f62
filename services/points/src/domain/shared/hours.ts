/** Hours are kept in quarters of an hour; sums go through here so 0.1 + 0.2 never shows up. */
export function addHours(a: number, b: number): number {
  return Math.round((a + b) * 100) / 100;
}
