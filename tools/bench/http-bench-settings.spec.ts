import { httpBenchLine, httpBenchSettings, refusalsOf, workloadFigures } from './http-bench-settings';

describe('bench:http settings and closing line', () => {
  it('takes the command line over the environment over the defaults', () => {
    const settings = httpBenchSettings(['--seconds', '3', '--warm-cases', '0'], {
      GONGZHI_BENCH_HTTP_SECONDS: '9',
      GONGZHI_BENCH_HTTP_CONNECTIONS: '4',
    });
    expect(settings).toMatchObject({ seconds: 3, connections: 4, warmCases: 0, residents: 8, port: 18403, cpuProfileDir: '', heapMb: 256 });
  });

  it("limits the host's heap as npm start does, unless GONGZHI_MAX_HEAP_MB says otherwise", () => {
    expect(httpBenchSettings([], { GONGZHI_MAX_HEAP_MB: '512' }).heapMb).toBe(512);
    expect(httpBenchSettings(['--heap-mb', '300'], { GONGZHI_MAX_HEAP_MB: '512' }).heapMb).toBe(300);
  });

  it('drives every workload unless asked for one route or each route alone', () => {
    expect(httpBenchSettings([], {})).toMatchObject({ perRoute: false, only: undefined });
    expect(httpBenchSettings(['--per-route', '--only', 'POST /api/cases'], {})).toMatchObject({ perRoute: true, only: 'POST /api/cases' });
    expect(() => httpBenchSettings(['--only'], {})).toThrow(/--only takes the start of a "METHOD path"/);
  });

  it('names every setting at fault instead of running a meaningless bench', () => {
    expect(() => httpBenchSettings(['--connections', '0'], { GONGZHI_BENCH_HTTP_SECONDS: 'soon' })).toThrow(
      /--seconds \(GONGZHI_BENCH_HTTP_SECONDS\) takes a whole number above 0, not "soon".*--connections/,
    );
  });

  it('counts only 2xx answers in the throughput and prints the one line', () => {
    const commands = workloadFigures({ '2xx': 500, duration: 10, latency: { p99: 87 } });
    const line = httpBenchLine({ commands, reads: { perSecond: 3100.4, p99Ms: 41 }, mixed: { perSecond: 2000, p99Ms: 99 }, rssMb: 312.6 });
    expect(line).toBe(
      'http_bench commands_per_s=50 command_p99_ms=87 reads_per_s=3100 read_p99_ms=41 mixed_per_s=2000 mixed_p99_ms=99 rss_mb=313',
    );
  });

  it('reports every refused status with a body sample, and nothing when all were 2xx', () => {
    const samples = new Map([['409', 'PUT /ballot → {"code":"CONFLICT"}']]);
    expect(
      refusalsOf('commands', { non2xx: 3, errors: 0, timeouts: 0, statusCodeStats: { '201': { count: 9 }, '409': { count: 3 } } }, samples),
    ).toEqual(['commands: 3 answers with status 409, e.g. PUT /ballot → {"code":"CONFLICT"}']);
    expect(refusalsOf('reads', { non2xx: 0, errors: 0, timeouts: 0, statusCodeStats: { '200': { count: 9 } } }, new Map())).toEqual([]);
  });
});
