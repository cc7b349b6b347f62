import { Client } from 'pg';
import { openServiceSchema, pendingSchemaChanges, RUNTIME_MIGRATIONS, schemaOf } from '@gongzhi/runtime';
import { freshTestDatabase } from '@gongzhi/testing';
import { SERVICES } from './services';

/**
 * In distributed mode a service's PostgreSQL schema is made by its migrations alone. An entity changed
 * without a migration fails here, naming the SQL still missing (`npm run migrations -- generate <service> <name>`).
 */
describe.each(SERVICES.map((service) => [service.name, service] as const))('the %s schema on PostgreSQL', (_, service) => {
  it('is built by its migrations to fit its entities, and a second start applies none again', async () => {
    const url = await freshTestDatabase('migrations');
    const first = await openServiceSchema(service, url);
    try {
      expect((await pendingSchemaChanges(first)).up).toEqual([]);
    } finally {
      await first.destroy();
    }

    const second = await openServiceSchema(service, url); // a restart
    await second.destroy();
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT name FROM "${schemaOf(service.name)}".schema_migrations ORDER BY id`);
      expect(rows.map((r) => r.name)).toEqual([...RUNTIME_MIGRATIONS, ...service.migrations].map((m) => new m().name));
    } finally {
      await client.end();
    }
  });
});
