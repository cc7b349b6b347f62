/** Shared pieces of the benchmarks: fixed-duration concurrent loops and plain figure printing. */

export interface LoadResult {
  readonly operations: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly errors: number;
}

/** Runs `operation` from `workers` concurrent loops for `seconds`, counting completions. */
export async function runConcurrently(
  workers: number,
  seconds: number,
  operation: (worker: number, iteration: number) => Promise<unknown>,
): Promise<LoadResult> {
  const deadline = Date.now() + seconds * 1000;
  let operations = 0;
  let errors = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      for (let i = 0; Date.now() < deadline; i++) {
        try {
          await operation(worker, i);
          operations++;
        } catch (error) {
          if (errors++ === 0) console.error(`  first error: ${(error as Error).message}`);
        }
      }
    }),
  );
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  return { operations, seconds: elapsed, perSecond: operations / elapsed, errors };
}

export function argNumber(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index === -1) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} takes a positive number`);
  return value;
}

export function report(label: string, result: LoadResult): void {
  const errors = result.errors > 0 ? `, ${result.errors} errors` : '';
  console.log(
    `${label.padEnd(34)} ${result.perSecond.toFixed(0).padStart(8)} appends/s  (${result.operations} in ${result.seconds.toFixed(1)} s${errors})`,
  );
}
