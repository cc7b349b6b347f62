import type { MigrationInterface, QueryRunner } from 'typeorm';
import { instantColumnToText, instantColumnToTimestamptz } from '@gongzhi/persistence';

/**
 * The runtime's own tables in a service's PostgreSQL schema — durable timers, the consumers' inbox and
 * positions, dead letters (RUNTIME_ENTITIES) — made once here for every service, before the service's own
 * migrations (its timestamp is older than any of theirs). The SQL is what TypeORM generates for those
 * entities, with the schema left to the data source the migration runs in. A later change to a runtime
 * entity shows up in each service's next generated migration.
 */
export class RuntimeTables1795700000000 implements MigrationInterface {
  name = 'RuntimeTables1795700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(
      `CREATE TABLE "${s}"."scheduled_commands" ("id" character varying(200) NOT NULL, "kind" character varying(100) NOT NULL, "due_at" character varying(32) NOT NULL, "payload" text NOT NULL, "fired_at" character varying(32), "cancelled_at" character varying(32), "attempts" integer NOT NULL DEFAULT '0', "last_error" text, CONSTRAINT "PK_cbf3b16ae4b14dbb4dad95f06d6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b5c597740f58ec7703af2fe276" ON "${s}"."scheduled_commands" ("fired_at", "due_at") `);
    await queryRunner.query(
      `CREATE TABLE "${s}"."messaging_inbox" ("consumer" character varying(160) NOT NULL, "event_id" character varying(64) NOT NULL, "processed_at" character varying(32) NOT NULL, CONSTRAINT "PK_883b773526ecd02eafe641712b2" PRIMARY KEY ("consumer", "event_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_1ee6a3ddd18598542d0e36fb99" ON "${s}"."messaging_inbox" ("processed_at") `);
    await queryRunner.query(
      `CREATE TABLE "${s}"."messaging_positions" ("consumer" character varying(160) NOT NULL, "source" character varying(200) NOT NULL, "position" bigint NOT NULL, "updated_at" character varying(32) NOT NULL, CONSTRAINT "PK_ebe6eabd7cd462ee4d6353178d6" PRIMARY KEY ("consumer", "source"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "${s}"."messaging_dead_letters" ("id" SERIAL NOT NULL, "consumer" character varying(160) NOT NULL, "source" character varying(200) NOT NULL, "event_id" character varying(64), "reason" text NOT NULL, "payload" text NOT NULL, "created_at" character varying(32) NOT NULL, CONSTRAINT "PK_260c9fb3eb281437fc6949c8d4c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b052a21b044d5849ee4c7cd96d" ON "${s}"."messaging_dead_letters" ("consumer") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP INDEX "${s}"."IDX_b052a21b044d5849ee4c7cd96d"`);
    await queryRunner.query(`DROP TABLE "${s}"."messaging_dead_letters"`);
    await queryRunner.query(`DROP TABLE "${s}"."messaging_positions"`);
    await queryRunner.query(`DROP INDEX "${s}"."IDX_1ee6a3ddd18598542d0e36fb99"`);
    await queryRunner.query(`DROP TABLE "${s}"."messaging_inbox"`);
    await queryRunner.query(`DROP INDEX "${s}"."IDX_b5c597740f58ec7703af2fe276"`);
    await queryRunner.query(`DROP TABLE "${s}"."scheduled_commands"`);
  }
}

/** The `Idempotency-Key`s of the service's commands and their first answers (IdempotencyRecord). */
export class IdempotencyRecords1795700000001 implements MigrationInterface {
  name = 'IdempotencyRecords1795700000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(
      `CREATE TABLE "${s}"."idempotency_records" ("caller" character varying(200) NOT NULL, "idempotency_key" character varying(128) NOT NULL, "fingerprint" character varying(64) NOT NULL, "claim" character varying(36) NOT NULL, "status" integer, "content_type" character varying(100), "body" text, "created_at" character varying(32) NOT NULL, "expires_at" character varying(32) NOT NULL, CONSTRAINT "PK_fb1ba46e629b37e4a26f32e9aa7" PRIMARY KEY ("caller", "idempotency_key"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b3482fdd761179f433dab212e7" ON "${s}"."idempotency_records" ("expires_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP INDEX "${s}"."IDX_b3482fdd761179f433dab212e7"`);
    await queryRunner.query(`DROP TABLE "${s}"."idempotency_records"`);
  }
}

/**
 * The runtime tables' points in time as `timestamptz` (see `@InstantColumn`), converted in place from the ISO text
 * they held. Its timestamp sorts it before every service's own migrations, so a fresh schema is made in the same order
 * as ever; a deployed schema runs it at its next start like any other pending migration.
 */
export class RuntimeInstants1795700000002 implements MigrationInterface {
  name = 'RuntimeInstants1795700000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    for (const [table, column] of RUNTIME_INSTANTS) await queryRunner.query(instantColumnToTimestamptz(`"${s}"."${table}"`, column));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    for (const [table, column] of [...RUNTIME_INSTANTS].reverse())
      await queryRunner.query(instantColumnToText(`"${s}"."${table}"`, column));
  }
}

const RUNTIME_INSTANTS: ReadonlyArray<readonly [table: string, column: string]> = [
  ['messaging_inbox', 'processed_at'],
  ['messaging_positions', 'updated_at'],
  ['messaging_dead_letters', 'created_at'],
  ['scheduled_commands', 'due_at'],
  ['scheduled_commands', 'fired_at'],
  ['scheduled_commands', 'cancelled_at'],
  ['idempotency_records', 'created_at'],
  ['idempotency_records', 'expires_at'],
];

function schemaOf(queryRunner: QueryRunner): string {
  return (queryRunner.connection.options as { schema?: string }).schema ?? 'public';
}

/** Run before a service's migrations in its schema (see `openServiceSchema`). */
export const RUNTIME_MIGRATIONS = [RuntimeTables1795700000000, IdempotencyRecords1795700000001, RuntimeInstants1795700000002];
