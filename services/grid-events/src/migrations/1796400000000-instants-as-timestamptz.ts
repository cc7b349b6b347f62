import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * instants-as-timestamptz: every point in time of this schema (its `@InstantColumn`s) becomes a PostgreSQL
 * `timestamptz`, so SQL compares and buckets real instants; the runtime tables' have `RuntimeInstants` in libs/runtime.
 * Converted in place from the ISO-8601 UTC text the columns held: TypeORM's generator would drop and re-add each
 * column and lose its values. `down` writes the same ISO text back.
 */
export class InstantsAsTimestamptz1796400000000 implements MigrationInterface {
  name = 'InstantsAsTimestamptz1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "grid_events"."case_views" ALTER COLUMN "acknowledge_by" TYPE timestamptz USING NULLIF("acknowledge_by", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "grid_events"."case_views" ALTER COLUMN "resolve_by" TYPE timestamptz USING NULLIF("resolve_by", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "grid_events"."case_views" ALTER COLUMN "reported_at" TYPE timestamptz USING NULLIF("reported_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "grid_events"."case_views" ALTER COLUMN "updated_at" TYPE timestamptz USING NULLIF("updated_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "grid_events"."case_followers" ALTER COLUMN "since" TYPE timestamptz USING NULLIF("since", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "grid_events"."reporter_notifications" ALTER COLUMN "created_at" TYPE timestamptz USING NULLIF("created_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "grid_events"."reporter_notifications" ALTER COLUMN "read_at" TYPE timestamptz USING NULLIF("read_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "grid_events"."reporter_notifications" ALTER COLUMN "delivered_at" TYPE timestamptz USING NULLIF("delivered_at", '')::timestamptz`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "grid_events"."reporter_notifications" ALTER COLUMN "delivered_at" TYPE character varying(32) USING to_char("delivered_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "grid_events"."reporter_notifications" ALTER COLUMN "read_at" TYPE character varying(32) USING to_char("read_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "grid_events"."reporter_notifications" ALTER COLUMN "created_at" TYPE character varying(32) USING to_char("created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "grid_events"."case_followers" ALTER COLUMN "since" TYPE character varying(32) USING to_char("since" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "grid_events"."case_views" ALTER COLUMN "updated_at" TYPE character varying(32) USING to_char("updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "grid_events"."case_views" ALTER COLUMN "reported_at" TYPE character varying(32) USING to_char("reported_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "grid_events"."case_views" ALTER COLUMN "resolve_by" TYPE character varying(32) USING to_char("resolve_by" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "grid_events"."case_views" ALTER COLUMN "acknowledge_by" TYPE character varying(32) USING to_char("acknowledge_by" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
  }
}
