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
    const client = await schemaBeforeThisRelease(service, url);
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

describe('the grid-events notifications moving to timestamptz', () => {
  it('keeps when each was created, read and delivered, and compares them by real time', async () => {
    const service = SERVICES.find((s) => s.name === 'grid-events')!;
    const url = await freshTestDatabase('instants');
    const client = await schemaBeforeThisRelease(service, url);
    try {
      await client.query(
        `INSERT INTO grid_events.reporter_notifications (id, recipient_id, case_id, kind, message_zh, message_en, created_at, read_at, delivered_at) VALUES
           ('n-1', 'resident-1', 'case-1', 'received', '已收到', 'Received', '2026-12-04T01:00:00.000Z', '2026-12-04T09:30:00+08:00', NULL),
           ('n-2', 'resident-1', 'case-1', 'accepted', '已受理', 'Accepted', '2026-12-04T02:00:00.000Z', NULL, '2026-12-04T02:00:05.250Z')`,
      );
      const migrated = await openServiceSchema(service, url);
      try {
        expect(
          await migrated.query(`SELECT id, created_at, read_at, delivered_at FROM grid_events.reporter_notifications ORDER BY id`),
        ).toEqual([
          { id: 'n-1', created_at: '2026-12-04T01:00:00.000Z', read_at: '2026-12-04T01:30:00.000Z', delivered_at: null },
          { id: 'n-2', created_at: '2026-12-04T02:00:00.000Z', read_at: null, delivered_at: '2026-12-04T02:00:05.250Z' },
        ]);
        // Read at 09:30 in the city is 01:30 UTC: before 02:00 UTC by time, though not as text.
        expect(
          await migrated.query(`SELECT id FROM grid_events.reporter_notifications WHERE read_at < $1`, ['2026-12-04T02:00:00.000Z']),
        ).toEqual([{ id: 'n-1' }]);
      } finally {
        await migrated.destroy();
      }
    } finally {
      await client.end();
    }
  });
});

/** A database whose schema of the service is as the release before left it: every migration but this release's two. */
async function schemaBeforeThisRelease(service: (typeof SERVICES)[number], url: string): Promise<Client> {
  const schema = schemaOf(service.name);
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE SCHEMA "${schema}"`);
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
  return client;
}
