export default async function globalTeardown(): Promise<void> {
  const started = globalThis.__GONGZHI_INFRA__ ?? {};
  await Promise.all([started.kafka?.stop(), started.postgres?.stop()]);
  reportLeftovers();
}

/**
 * On a two-core machine jest runs the suites in its own process, so whatever a suite left open (a server,
 * a socket, a child process, a timer) keeps jest from exiting. Naming it here tells the next engineer what
 * to close; `npm test` still ends (tools/test.sh passes --forceExit) so a leak can never hang CI.
 */
function reportLeftovers(): void {
  const expected = new Set(['TTYWrap', 'PipeWrap', 'SignalWrap']);
  const left = process.getActiveResourcesInfo().filter((kind) => !expected.has(kind));
  if (left.length === 0) return;
  const counts = new Map<string, number>();
  for (const kind of left) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  process.stderr.write(`[infra] still open after the last suite: ${[...counts].map(([kind, n]) => `${kind}×${n}`).join(', ')}\n`);
}
