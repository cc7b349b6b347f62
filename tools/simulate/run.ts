import { parseTargets } from '../simulate-targets';
import { parseOptions } from './options';
import { Simulation } from './simulation';
import { progress, table } from './summary';
import { byAction, byStatus, bump, failures } from './tally';

/** Sets up the demo city, paces actions at the asked rate for the asked time, and prints the tally. */
export async function simulate(argv: readonly string[]): Promise<void> {
  const options = parseOptions(argv);
  const targets = parseTargets(options.url);
  for (const base of targets.bases) {
    const health = await fetch(`${base}/health`).catch(() => null);
    if (!health?.ok)
      throw new Error(`no Gongzhi platform answers at ${base} (start it with \`npm start\` or the distributed set, or pass --url)`);
  }

  const city = new Simulation(targets);
  const runId = Date.now().toString(36);
  process.stdout.write(
    `Gongzhi simulator: ${options.rate} actions/s for ${options.duration} s against ${options.url}\nSetting up the demo city …\n`,
  );
  await city.setUp(runId);

  const planned = Math.round(options.rate * options.duration);
  const startedAt = Date.now();
  const inFlight = new Set<Promise<void>>();
  const maxInFlight = Math.max(4, Math.ceil(options.rate * 2));
  let done = 0;
  let skipped = 0;
  const tty = process.stderr.isTTY;
  let lastPrinted = -1;
  const draw = () => {
    const line = progress(done, planned, startedAt, options.duration);
    if (tty) process.stderr.write(`\r${line}`);
    else {
      const tenth = Math.floor(((Date.now() - startedAt) / 1000 / options.duration) * 10);
      if (tenth !== lastPrinted) {
        lastPrinted = tenth;
        process.stderr.write(`${line}\n`);
      }
    }
  };
  const ticker = setInterval(draw, 250);

  for (let n = 0; n < planned; n++) {
    const due = startedAt + (n * 1000) / options.rate;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (inFlight.size >= maxInFlight) {
      skipped++; // the platform is slower than the rate asked for: skip rather than pile up
      continue;
    }
    const action: Promise<void> = city
      .act()
      .catch((error: unknown) => {
        bump(byAction, 'failed (network)');
        failures.set('network', error instanceof Error ? error.message : String(error));
      })
      .finally(() => {
        done++;
        inFlight.delete(action);
      });
    inFlight.add(action);
  }
  await Promise.all(inFlight);
  clearInterval(ticker);
  draw();
  if (tty) process.stderr.write('\n');

  const seconds = (Date.now() - startedAt) / 1000;
  const summary = [
    '',
    `Done: ${done} actions in ${seconds.toFixed(1)} s (${(done / seconds).toFixed(1)}/s)${skipped ? `, ${skipped} skipped because the platform fell behind` : ''}.`,
    table(
      'By action:',
      [...byAction].sort((a, b) => b[1] - a[1]),
    ),
    table('By HTTP status (every request):', [...byStatus].sort()),
  ];
  if (failures.size > 0)
    summary.push(
      table(
        'Refused or failed (last reason each):',
        [...failures].slice(0, 15).map(([k, v]) => [`${k}: ${String(v).slice(0, 100)}`, 0] as [string, number]),
      ).replace(/\s+0$/gm, ''),
    );
  summary.push(`Open the city dashboard: ${targets.dashboard}`, '');
  process.stdout.write(summary.join('\n'));
}
