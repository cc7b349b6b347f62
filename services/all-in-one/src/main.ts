import 'reflect-metadata';
import { bootstrapHttp, loadConfig, platformConfigSchema, runMain } from '@gongzhi/platform';
import { createHostModule } from './host.module';
import { SERVICES } from './services';

runMain(async () => {
  const config = loadConfig(platformConfigSchema);
  if (config.mode !== 'embedded') {
    throw new Error('The all-in-one host runs the embedded default; start each service alone for GONGZHI_MODE=distributed');
  }
  const print = (text: string) => process.stdout.write(`${text}\n`);
  const module = await createHostModule({ config, services: SERVICES, log: print });
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
      `  API docs:    ${base}/docs`,
      `  health:      ${base}/health   ready: ${base}/health/ready   metrics: ${base}/metrics`,
      `  data folder: ${config.dataDir}`,
      '',
    ].join('\n'),
  );
});
