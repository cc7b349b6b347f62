import 'reflect-metadata';
import { bootstrapHttp, runMain, type Exposure } from '@gongzhi/platform';
import { loadProcessConfiguration } from '@gongzhi/runtime';
import { createHostModule } from './host.module';
import { SERVICES } from './services';

runMain(async () => {
  // Every service's variables with the platform's, so one start names every one at fault before anything opens.
  const { platform: config, edge, services: settings } = loadProcessConfiguration(SERVICES, process.env);
  if (config.mode !== 'embedded') {
    throw new Error('The all-in-one host runs the embedded default; start each service alone for GONGZHI_MODE=distributed');
  }
  const print = (text: string) => process.stdout.write(`${text}\n`);
  const module = await createHostModule({ config, edge, services: SERVICES, settings, env: process.env, log: print });
  const app = await bootstrapHttp(module, {
    serviceName: 'all-in-one',
    port: config.port,
    openApi: { title: 'Gongzhi 共治 API', description: 'Cases, dispatch, the resident council and points, in one process.' },
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
      '',
    ].join('\n'),
  );
});

function exposedAt(exposure: Exposure, base: string, internalPort: number | undefined, path: string): string {
  if (exposure === 'off') return 'off';
  return exposure === 'public' ? `${base}${path}` : `http://localhost:${internalPort}${path} (internal port)`;
}
