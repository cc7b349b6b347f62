/** The settings and the closing line of `npm run bench:http`, apart from the run so a spec can hold them. */

export interface HttpBenchSettings {
  /** Seconds each of the three workloads runs. */
  readonly seconds: number;
  /** Concurrent connections of the load generator. */
  readonly connections: number;
  /** Case reports made across the city before measuring, so reads aggregate over a lived-in city. */
  readonly warmCases: number;
  /** Registered residents (besides the demo resident) who report, vote and read. */
  readonly residents: number;
  readonly port: number;
  /** Where the host writes a V8 CPU profile at exit (`--cpu-prof`); none when empty. */
  readonly cpuProfileDir: string;
  /** The host's heap limit (`--max-old-space-size`), as `npm start` sets it (tools/start.mjs). */
  readonly heapMb: number;
  /** `--per-route`: after the reads, each route alone for a few seconds, to see which costs the host most. */
  readonly perRoute: boolean;
  /** `--only "POST /api/cases"`: only the routes whose "METHOD path" starts with this, to profile one route; `--only mixed` (or commands, reads): that workload alone. */
  readonly only: string | undefined;
}

const DEFAULTS: HttpBenchSettings = {
  seconds: 20,
  connections: 16,
  warmCases: 3000,
  residents: 8,
  port: 18403,
  cpuProfileDir: '',
  heapMb: 256,
  perRoute: false,
  only: undefined,
};

const NUMERIC = {
  seconds: 'GONGZHI_BENCH_HTTP_SECONDS',
  connections: 'GONGZHI_BENCH_HTTP_CONNECTIONS',
  warmCases: 'GONGZHI_BENCH_HTTP_WARM_CASES',
  residents: 'GONGZHI_BENCH_HTTP_RESIDENTS',
  port: 'GONGZHI_BENCH_HTTP_PORT',
  heapMb: 'GONGZHI_MAX_HEAP_MB',
} as const;

/** `--seconds 5` on the command line wins over `GONGZHI_BENCH_HTTP_SECONDS=5`, which wins over the default. */
export function httpBenchSettings(argv: readonly string[], env: Record<string, string | undefined>): HttpBenchSettings {
  const problems: string[] = [];
  const numbers = Object.fromEntries(
    (Object.keys(NUMERIC) as (keyof typeof NUMERIC)[]).map((key) => {
      const flag = `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
      const index = argv.indexOf(flag);
      const raw = index >= 0 ? argv[index + 1] : env[NUMERIC[key]];
      if (raw === undefined || raw === '') return [key, DEFAULTS[key]];
      const value = Number(raw);
      const allowsZero = key === 'warmCases' || key === 'residents';
      if (!Number.isInteger(value) || value < (allowsZero ? 0 : 1))
        problems.push(`${flag} (${NUMERIC[key]}) takes a whole number${allowsZero ? '' : ' above 0'}, not "${raw}"`);
      return [key, value];
    }),
  ) as Record<keyof typeof NUMERIC, number>;
  if (problems.length > 0) throw new Error(`bench:http: ${problems.join('; ')}`);
  const profileIndex = argv.indexOf('--cpu-prof-dir');
  const cpuProfileDir = profileIndex >= 0 ? (argv[profileIndex + 1] ?? '') : (env.GONGZHI_BENCH_CPU_PROF_DIR ?? '');
  const onlyIndex = argv.indexOf('--only');
  const only = onlyIndex >= 0 ? argv[onlyIndex + 1] : undefined;
  if (onlyIndex >= 0 && !only) throw new Error('bench:http: --only takes the start of a "METHOD path", e.g. --only "POST /api/cases"');
  return { ...numbers, cpuProfileDir, perRoute: argv.includes('--per-route'), only };
}

export interface WorkloadFigures {
  /** 2xx answers per second. */
  readonly perSecond: number;
  readonly p99Ms: number;
}

export interface HttpBenchFigures {
  readonly commands: WorkloadFigures;
  readonly reads: WorkloadFigures;
  readonly mixed: WorkloadFigures;
  readonly rssMb: number;
}

export function httpBenchLine(f: HttpBenchFigures): string {
  const n = (value: number) => value.toFixed(0);
  return (
    `http_bench commands_per_s=${n(f.commands.perSecond)} command_p99_ms=${n(f.commands.p99Ms)} ` +
    `reads_per_s=${n(f.reads.perSecond)} read_p99_ms=${n(f.reads.p99Ms)} ` +
    `mixed_per_s=${n(f.mixed.perSecond)} mixed_p99_ms=${n(f.mixed.p99Ms)} rss_mb=${n(f.rssMb)}`
  );
}

/** A workload's figures from what the load generator counted: only 2xx answers make throughput. */
export function workloadFigures(result: { '2xx': number; duration: number; latency: { p99: number } }): WorkloadFigures {
  return { perSecond: result.duration > 0 ? result['2xx'] / result.duration : 0, p99Ms: result.latency.p99 };
}

/** The refusals of a workload, one line each, or none when every answer was 2xx. */
export function refusalsOf(
  workload: string,
  result: { non2xx: number; errors: number; timeouts: number; statusCodeStats?: Record<string, { count?: number }> },
  samples: ReadonlyMap<string, string>,
): string[] {
  const lines: string[] = [];
  for (const [status, stat] of Object.entries(result.statusCodeStats ?? {})) {
    if (status.startsWith('2')) continue;
    lines.push(`${workload}: ${stat.count ?? 0} answers with status ${status}, e.g. ${samples.get(status) ?? '(no body kept)'}`);
  }
  if (result.errors > 0) lines.push(`${workload}: ${result.errors} connection errors (${result.timeouts} timeouts)`);
  return lines;
}
