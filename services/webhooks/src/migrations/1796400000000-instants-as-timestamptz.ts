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
      `ALTER TABLE "webhooks"."webhook_subscriptions" ALTER COLUMN "created_at" TYPE timestamptz USING NULLIF("created_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhooks"."webhook_deliveries" ALTER COLUMN "next_attempt_at" TYPE timestamptz USING NULLIF("next_attempt_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhooks"."webhook_deliveries" ALTER COLUMN "last_attempt_at" TYPE timestamptz USING NULLIF("last_attempt_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhooks"."webhook_deliveries" ALTER COLUMN "delivered_at" TYPE timestamptz USING NULLIF("delivered_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhooks"."webhook_deliveries" ALTER COLUMN "created_at" TYPE timestamptz USING NULLIF("created_at", '')::timestamptz`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "webhooks"."webhook_deliveries" ALTER COLUMN "created_at" TYPE character varying(32) USING to_char("created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhooks"."webhook_deliveries" ALTER COLUMN "delivered_at" TYPE character varying(32) USING to_char("delivered_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhooks"."webhook_deliveries" ALTER COLUMN "last_attempt_at" TYPE character varying(32) USING to_char("last_attempt_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhooks"."webhook_deliveries" ALTER COLUMN "next_attempt_at" TYPE character varying(32) USING to_char("next_attempt_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhooks"."webhook_subscriptions" ALTER COLUMN "created_at" TYPE character varying(32) USING to_char("created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
  }
}
