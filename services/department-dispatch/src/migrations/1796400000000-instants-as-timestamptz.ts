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
      `ALTER TABLE "department_dispatch"."dd_assignments" ALTER COLUMN "created_at" TYPE timestamptz USING NULLIF("created_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "department_dispatch"."dd_assignments" ALTER COLUMN "acknowledge_by" TYPE timestamptz USING NULLIF("acknowledge_by", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "department_dispatch"."dd_assignments" ALTER COLUMN "resolve_by" TYPE timestamptz USING NULLIF("resolve_by", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "department_dispatch"."dd_assignments" ALTER COLUMN "acknowledged_at" TYPE timestamptz USING NULLIF("acknowledged_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "department_dispatch"."dd_assignments" ALTER COLUMN "closed_at" TYPE timestamptz USING NULLIF("closed_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "department_dispatch"."dd_whistles" ALTER COLUMN "blown_at" TYPE timestamptz USING NULLIF("blown_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "department_dispatch"."dd_whistles" ALTER COLUMN "check_in_by" TYPE timestamptz USING NULLIF("check_in_by", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "department_dispatch"."dd_whistles" ALTER COLUMN "resolved_at" TYPE timestamptz USING NULLIF("resolved_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "department_dispatch"."dd_whistle_departments" ALTER COLUMN "blown_at" TYPE timestamptz USING NULLIF("blown_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "department_dispatch"."dd_whistle_departments" ALTER COLUMN "check_in_by" TYPE timestamptz USING NULLIF("check_in_by", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "department_dispatch"."dd_whistle_departments" ALTER COLUMN "checked_in_at" TYPE timestamptz USING NULLIF("checked_in_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "department_dispatch"."dd_whistle_departments" ALTER COLUMN "task_due_by" TYPE timestamptz USING NULLIF("task_due_by", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "department_dispatch"."dd_whistle_departments" ALTER COLUMN "task_completed_at" TYPE timestamptz USING NULLIF("task_completed_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "department_dispatch"."dd_escalated_cases" ALTER COLUMN "escalated_at" TYPE timestamptz USING NULLIF("escalated_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "department_dispatch"."dd_case_assignees" ALTER COLUMN "dispatched_at" TYPE timestamptz USING NULLIF("dispatched_at", '')::timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE "department_dispatch"."dd_case_assignees" ALTER COLUMN "acknowledge_by" TYPE timestamptz USING NULLIF("acknowledge_by", '')::timestamptz`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "department_dispatch"."dd_case_assignees" ALTER COLUMN "acknowledge_by" TYPE character varying(32) USING to_char("acknowledge_by" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "department_dispatch"."dd_case_assignees" ALTER COLUMN "dispatched_at" TYPE character varying(32) USING to_char("dispatched_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "department_dispatch"."dd_escalated_cases" ALTER COLUMN "escalated_at" TYPE character varying(32) USING to_char("escalated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "department_dispatch"."dd_whistle_departments" ALTER COLUMN "task_completed_at" TYPE character varying(32) USING to_char("task_completed_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "department_dispatch"."dd_whistle_departments" ALTER COLUMN "task_due_by" TYPE character varying(32) USING to_char("task_due_by" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "department_dispatch"."dd_whistle_departments" ALTER COLUMN "checked_in_at" TYPE character varying(32) USING to_char("checked_in_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "department_dispatch"."dd_whistle_departments" ALTER COLUMN "check_in_by" TYPE character varying(32) USING to_char("check_in_by" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "department_dispatch"."dd_whistle_departments" ALTER COLUMN "blown_at" TYPE character varying(32) USING to_char("blown_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "department_dispatch"."dd_whistles" ALTER COLUMN "resolved_at" TYPE character varying(32) USING to_char("resolved_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "department_dispatch"."dd_whistles" ALTER COLUMN "check_in_by" TYPE character varying(32) USING to_char("check_in_by" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "department_dispatch"."dd_whistles" ALTER COLUMN "blown_at" TYPE character varying(32) USING to_char("blown_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "department_dispatch"."dd_assignments" ALTER COLUMN "closed_at" TYPE character varying(32) USING to_char("closed_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "department_dispatch"."dd_assignments" ALTER COLUMN "acknowledged_at" TYPE character varying(32) USING to_char("acknowledged_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "department_dispatch"."dd_assignments" ALTER COLUMN "resolve_by" TYPE character varying(32) USING to_char("resolve_by" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "department_dispatch"."dd_assignments" ALTER COLUMN "acknowledge_by" TYPE character varying(32) USING to_char("acknowledge_by" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    await queryRunner.query(
      `ALTER TABLE "department_dispatch"."dd_assignments" ALTER COLUMN "created_at" TYPE character varying(32) USING to_char("created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
  }
}
