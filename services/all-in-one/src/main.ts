import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule, DATA_DIR } from './app.module';

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  const app = await NestFactory.create(AppModule, { logger: ['error', 'warn', 'log'] });
  app.enableShutdownHooks();
  await app.listen(port, '0.0.0.0');
  console.log(`Gongzhi all-in-one is up (data in ${DATA_DIR})\n  health: http://localhost:${port}/health`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
