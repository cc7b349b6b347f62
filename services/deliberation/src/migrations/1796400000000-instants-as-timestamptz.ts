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
      `ALTER TABLE "deliberation"."deliberation_ballot_box_seals" ALTER COLUMN "sealed_at" TYPE timestamptz USING NULLIF("sealed_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "deliberation"."deliberation_consent_codes" ALTER COLUMN "expires_at" TYPE timestamptz USING NULLIF("expires_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "deliberation"."deliberation_consent_codes" ALTER COLUMN "used_at" TYPE timestamptz USING NULLIF("used_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "deliberation"."deliberation_staff_photos" ALTER COLUMN "uploaded_at" TYPE timestamptz USING NULLIF("uploaded_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "deliberation"."dl_resident_profiles" ALTER COLUMN "updated_at" TYPE timestamptz USING NULLIF("updated_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "deliberation"."dl_recommendables" ALTER COLUMN "meeting_at" TYPE timestamptz USING NULLIF("meeting_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "deliberation"."dl_recommendables" ALTER COLUMN "closes_at" TYPE timestamptz USING NULLIF("closes_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "deliberation"."dl_comment_views" ALTER COLUMN "posted_at" TYPE timestamptz USING NULLIF("posted_at", '')::timestamptz`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "deliberation"."dl_comment_views" ALTER COLUMN "posted_at" TYPE character varying(40) USING to_char("posted_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "deliberation"."dl_recommendables" ALTER COLUMN "closes_at" TYPE character varying(40) USING to_char("closes_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "deliberation"."dl_recommendables" ALTER COLUMN "meeting_at" TYPE character varying(40) USING to_char("meeting_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "deliberation"."dl_resident_profiles" ALTER COLUMN "updated_at" TYPE character varying(40) USING to_char("updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "deliberation"."deliberation_staff_photos" ALTER COLUMN "uploaded_at" TYPE character varying(32) USING to_char("uploaded_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "deliberation"."deliberation_consent_codes" ALTER COLUMN "used_at" TYPE character varying(32) USING to_char("used_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "deliberation"."deliberation_consent_codes" ALTER COLUMN "expires_at" TYPE character varying(32) USING to_char("expires_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "deliberation"."deliberation_ballot_box_seals" ALTER COLUMN "sealed_at" TYPE character varying(32) USING to_char("sealed_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
  }
}
