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
      `ALTER TABLE "co_building"."cb_projects" ALTER COLUMN "started_at" TYPE timestamptz USING NULLIF("started_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "co_building"."cb_resources" ALTER COLUMN "listed_at" TYPE timestamptz USING NULLIF("listed_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "co_building"."cb_bookings" ALTER COLUMN "cancelled_at" TYPE timestamptz USING NULLIF("cancelled_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "co_building"."cb_needs" ALTER COLUMN "posted_at" TYPE timestamptz USING NULLIF("posted_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "co_building"."cb_fund_ledger" ALTER COLUMN "recorded_at" TYPE timestamptz USING NULLIF("recorded_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "co_building"."cb_fund_spendings" ALTER COLUMN "recorded_at" TYPE timestamptz USING NULLIF("recorded_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "co_building"."cb_organisations" ALTER COLUMN "registered_at" TYPE timestamptz USING NULLIF("registered_at", '')::timestamptz`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "co_building"."cb_organisations" ALTER COLUMN "registered_at" TYPE character varying(40) USING to_char("registered_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "co_building"."cb_fund_spendings" ALTER COLUMN "recorded_at" TYPE character varying(40) USING to_char("recorded_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "co_building"."cb_fund_ledger" ALTER COLUMN "recorded_at" TYPE character varying(40) USING to_char("recorded_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "co_building"."cb_needs" ALTER COLUMN "posted_at" TYPE character varying(40) USING to_char("posted_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "co_building"."cb_bookings" ALTER COLUMN "cancelled_at" TYPE character varying(40) USING to_char("cancelled_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "co_building"."cb_resources" ALTER COLUMN "listed_at" TYPE character varying(40) USING to_char("listed_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "co_building"."cb_projects" ALTER COLUMN "started_at" TYPE character varying(40) USING to_char("started_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
  }
}
