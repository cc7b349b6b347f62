import { Client } from 'pg';
import { platformDataSource } from '@gongzhi/persistence';
import { openServiceSchema, RUNTIME_MIGRATIONS, schemaOf } from '@gongzhi/runtime';
import { freshTestDatabase } from '@gongzhi/testing';
import { SERVICES } from './services';

const INSTANTS_MIGRATION = 'InstantsAsTimestamptz1796400000000';
const RUNTIME_INSTANTS = 'RuntimeInstants1795700000002';

/**
 * A deployed schema keeps its instants as ISO text until this release's migrations run. They turn each column into a
 * timestamptz in place: every instant written before is read back the same, and `down` gives the same text back.
 */
describe.each(SERVICES.map((service) => [service.name, service] as const))('the %s schema moving to timestamptz', (_, service) => {
  it('keeps every instant written as text before the migration, and gives it back as text when undone', async () => {
    const url = await freshTestDatabase('instants');
    const schema = schemaOf(service.name);
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query(`CREATE SCHEMA "${schema}"`);
    // The schema as the release before left it: every migration but this release's two.
    const previous = platformDataSource({
      type: 'postgres',
      url,
      schema,
      migrations: [...RUNTIME_MIGRATIONS, ...service.migrations].filter(
        (m) => ![INSTANTS_MIGRATION, RUNTIME_INSTANTS].includes(String(new m().name)),
      ),
      migrationsTableName: 'schema_migrations',
      migrationsTransactionMode: 'each',
    });
    await previous.initialize();
    await previous.runMigrations();
    await previous.destroy();
    try {
      // As the release before wrote them: ISO text, one with a city offset as an Open311 client may have sent it.
      await client.query(
        `INSERT INTO "${schema}".scheduled_commands (id, kind, due_at, payload, fired_at) VALUES
           ('due-utc', 'probe', '2026-12-04T08:00:00.000Z', '{}', NULL),
           ('due-shanghai', 'probe', '2026-12-04T16:30:00+08:00', '{}', '2026-12-04T08:31:02.345Z')`,
      );

      const migrated = await openServiceSchema(service, url);
      try {
        const timers = await migrated.query(`SELECT id, due_at, fired_at FROM "${schema}".scheduled_commands ORDER BY due_at`);
        expect(timers.map((t: Record<string, unknown>) => [t.id, t.due_at, t.fired_at])).toEqual([
          ['due-utc', '2026-12-04T08:00:00.000Z', null],
          ['due-shanghai', '2026-12-04T08:30:00.000Z', '2026-12-04T08:31:02.345Z'],
        ]);
        const { rows: types } = await client.query(
          `SELECT DISTINCT data_type FROM information_schema.columns WHERE table_schema = $1 AND column_name IN ('due_at', 'fired_at')`,
          [schema],
        );
        expect(types).toEqual([{ data_type: 'timestamp with time zone' }]);

        await migrated.undoLastMigration({ transaction: 'each' }); // the service's own
        await migrated.undoLastMigration({ transaction: 'each' }); // then the runtime's
      } finally {
        await migrated.destroy();
      }
      const { rows } = await client.query(`SELECT id, due_at, fired_at FROM "${schema}".scheduled_commands ORDER BY due_at`);
      expect(rows).toEqual([
        { id: 'due-utc', due_at: '2026-12-04T08:00:00.000Z', fired_at: null },
        { id: 'due-shanghai', due_at: '2026-12-04T08:30:00.000Z', fired_at: '2026-12-04T08:31:02.345Z' },
      ]);
    } finally {
      await client.end();
    }
  });
});
