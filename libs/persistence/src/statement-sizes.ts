/**
 * Cuts `count` items into consecutive chunks whose sizes are powers of two, the largest first, none over `max`
 * (itself a power of two): 37 rows go as 32 + 4 + 1. A multi-row statement is prepared once per row count and kept
 * in the connection's statement cache (TypeORM keeps up to 2,000 on SQLite, each holding its compiled program), so
 * a batch cut at arbitrary sizes left a new statement behind for almost every size a consumer ever met: hundreds per
 * table, growing with the process's age. Power-of-two sizes bound them to log₂(max) + 1 per statement, for a few more
 * statements per batch.
 *
 * Returns the chunks as [start, end) ranges.
 */
export function statementChunks(count: number, max: number): Array<readonly [number, number]> {
  if (!Number.isInteger(max) || max < 1 || (max & (max - 1)) !== 0) throw new Error(`max must be a power of two, not ${max}`);
  const chunks: Array<readonly [number, number]> = [];
  let start = 0;
  while (start < count) {
    const left = count - start;
    let size = max;
    while (size > left) size >>>= 1;
    chunks.push([start, start + size]);
    start += size;
  }
  return chunks;
}
