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
      `ALTER TABLE "points"."points_flags" ALTER COLUMN "raised_at" TYPE timestamptz USING NULLIF("raised_at", '')::timestamptz`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "points"."points_flags" ALTER COLUMN "raised_at" TYPE character varying(32) USING to_char("raised_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
  }
}
