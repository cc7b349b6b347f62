export default async function globalTeardown(): Promise<void> {
  const started = globalThis.__GONGZHI_INFRA__ ?? {};
  await Promise.all([started.kafka?.stop(), started.postgres?.stop()]);
}
