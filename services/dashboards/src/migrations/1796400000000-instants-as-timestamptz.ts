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
      `ALTER TABLE "dashboards"."dash_case_facts" ALTER COLUMN "reported_at" TYPE timestamptz USING NULLIF("reported_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_case_facts" ALTER COLUMN "dispatched_at" TYPE timestamptz USING NULLIF("dispatched_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_case_facts" ALTER COLUMN "acknowledge_by" TYPE timestamptz USING NULLIF("acknowledge_by", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_case_facts" ALTER COLUMN "resolve_by" TYPE timestamptz USING NULLIF("resolve_by", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_case_facts" ALTER COLUMN "acknowledged_at" TYPE timestamptz USING NULLIF("acknowledged_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_case_facts" ALTER COLUMN "resolved_at" TYPE timestamptz USING NULLIF("resolved_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_case_facts" ALTER COLUMN "closed_at" TYPE timestamptz USING NULLIF("closed_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_whistle_facts" ALTER COLUMN "blown_at" TYPE timestamptz USING NULLIF("blown_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_whistle_facts" ALTER COLUMN "resolved_at" TYPE timestamptz USING NULLIF("resolved_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_whistle_summons" ALTER COLUMN "checked_in_at" TYPE timestamptz USING NULLIF("checked_in_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_whistle_summons" ALTER COLUMN "task_completed_at" TYPE timestamptz USING NULLIF("task_completed_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_topic_facts" ALTER COLUMN "proposed_at" TYPE timestamptz USING NULLIF("proposed_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_topic_facts" ALTER COLUMN "voting_closes_at" TYPE timestamptz USING NULLIF("voting_closes_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_topic_facts" ALTER COLUMN "updated_at" TYPE timestamptz USING NULLIF("updated_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_adopted_suggestions" ALTER COLUMN "adopted_at" TYPE timestamptz USING NULLIF("adopted_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_adopted_suggestions" ALTER COLUMN "last_progress_at" TYPE timestamptz USING NULLIF("last_progress_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_adopted_suggestions" ALTER COLUMN "completed_at" TYPE timestamptz USING NULLIF("completed_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_assisted_ballots" ALTER COLUMN "recorded_at" TYPE timestamptz USING NULLIF("recorded_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_resident_honours" ALTER COLUMN "updated_at" TYPE timestamptz USING NULLIF("updated_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_cobuilding_projects" ALTER COLUMN "started_at" TYPE timestamptz USING NULLIF("started_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_cobuilding_projects" ALTER COLUMN "updated_at" TYPE timestamptz USING NULLIF("updated_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_cobuilding_organisations" ALTER COLUMN "registered_at" TYPE timestamptz USING NULLIF("registered_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_cobuilding_organisations" ALTER COLUMN "updated_at" TYPE timestamptz USING NULLIF("updated_at", '')::timestamptz`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_cobuilding_organisations" ALTER COLUMN "updated_at" TYPE character varying(32) USING to_char("updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_cobuilding_organisations" ALTER COLUMN "registered_at" TYPE character varying(32) USING to_char("registered_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_cobuilding_projects" ALTER COLUMN "updated_at" TYPE character varying(32) USING to_char("updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_cobuilding_projects" ALTER COLUMN "started_at" TYPE character varying(32) USING to_char("started_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_resident_honours" ALTER COLUMN "updated_at" TYPE character varying(32) USING to_char("updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_assisted_ballots" ALTER COLUMN "recorded_at" TYPE character varying(32) USING to_char("recorded_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_adopted_suggestions" ALTER COLUMN "completed_at" TYPE character varying(32) USING to_char("completed_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_adopted_suggestions" ALTER COLUMN "last_progress_at" TYPE character varying(32) USING to_char("last_progress_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_adopted_suggestions" ALTER COLUMN "adopted_at" TYPE character varying(32) USING to_char("adopted_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_topic_facts" ALTER COLUMN "updated_at" TYPE character varying(32) USING to_char("updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_topic_facts" ALTER COLUMN "voting_closes_at" TYPE character varying(32) USING to_char("voting_closes_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_topic_facts" ALTER COLUMN "proposed_at" TYPE character varying(32) USING to_char("proposed_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_whistle_summons" ALTER COLUMN "task_completed_at" TYPE character varying(32) USING to_char("task_completed_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_whistle_summons" ALTER COLUMN "checked_in_at" TYPE character varying(32) USING to_char("checked_in_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_whistle_facts" ALTER COLUMN "resolved_at" TYPE character varying(32) USING to_char("resolved_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_whistle_facts" ALTER COLUMN "blown_at" TYPE character varying(32) USING to_char("blown_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_case_facts" ALTER COLUMN "closed_at" TYPE character varying(32) USING to_char("closed_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_case_facts" ALTER COLUMN "resolved_at" TYPE character varying(32) USING to_char("resolved_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_case_facts" ALTER COLUMN "acknowledged_at" TYPE character varying(32) USING to_char("acknowledged_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_case_facts" ALTER COLUMN "resolve_by" TYPE character varying(32) USING to_char("resolve_by" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_case_facts" ALTER COLUMN "acknowledge_by" TYPE character varying(32) USING to_char("acknowledge_by" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_case_facts" ALTER COLUMN "dispatched_at" TYPE character varying(32) USING to_char("dispatched_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "dashboards"."dash_case_facts" ALTER COLUMN "reported_at" TYPE character varying(32) USING to_char("reported_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
  }
}
