import 'reflect-metadata';
import { bootstrapHttp, runMain, type Exposure } from '@gongzhi/platform';
import { loadProcessConfiguration } from '@gongzhi/runtime';
import { DemoClock } from './demo/demo-clock';
import { withDemoScale } from './demo/district-city';
import { buildDemoHistoryOnce } from './demo/history/build-demo-history';
import { createHostModule } from './host.module';
import { SERVICES } from './services';
import { HOST_OPEN_API } from './open-api-title';

runMain(async () => {
  // Every service's variables with the platform's, so one start names every one at fault before anything opens.
  const checked = loadProcessConfiguration(SERVICES, process.env);
  // A district-sized demo city (GONGZHI_DEMO_SCALE) is grid-events' reference data, generated into the data folder.
  const env = checked.edge.demoData ? withDemoScale(process.env, checked.platform.dataDir, checked.edge.demoCity.communities) : process.env;
  const { platform: config, edge, services: settings } = env === process.env ? checked : loadProcessConfiguration(SERVICES, env);
  if (config.mode !== 'embedded') {
    throw new Error('The all-in-one host runs the embedded default; start each service alone for GONGZHI_MODE=distributed');
  }
  const print = (text: string) => process.stdout.write(`${text}\n`);
  // Demo mode runs on a clock an admin can move; a fresh data folder first gets the city's past.
  const clock = edge.demoData ? DemoClock.open(config.dataDir) : undefined;
  if (clock && edge.demoCity.historyDays > 0) {
    const days = edge.demoCity.historyDays;
    await buildDemoHistoryOnce({ config, edge, services: SERVICES, settings, env, clock, log: print, progress: process.stderr, days });
  }
  const module = await createHostModule({ config, edge, services: SERVICES, settings, env, log: print, clock });
  const app = await bootstrapHttp(module, {
    serviceName: 'all-in-one',
    port: config.port,
    openApi: HOST_OPEN_API,
  });
  const base = `http://localhost:${new URL(await app.getUrl()).port}`;
  print(
    [
      '',
      'Gongzhi 共治 is running (embedded default).',
      `  web app:     ${base}/`,
      `  API docs:    ${exposedAt(edge.docs, base, edge.internalPort, '/docs')}`,
      `  health:      ${base}/health   ready: ${base}/health/ready   metrics: ${exposedAt(edge.metrics, base, edge.internalPort, '/metrics')}`,
      `  data folder: ${config.dataDir}`,
      ...(edge.demoData && edge.demoCity.lifeRate > 0
        ? [`  simulator:   ${edge.demoCity.lifeRate} moments of city life a minute (GONGZHI_DEMO_LIFE_RATE; 0 stops it)`]
        : []),
      '',
    ].join('\n'),
  );
});

function exposedAt(exposure: Exposure, base: string, internalPort: number | undefined, path: string): string {
  if (exposure === 'off') return 'off';
  return exposure === 'public' ? `${base}${path}` : `http://localhost:${internalPort}${path} (internal port)`;
}
