import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * case-reader-rule: an anonymous reporter's choice whether the handling staff may see their name, and the Open311
 * client that sent a case (so it may read its own request before triage). Both default to "nobody": existing
 * anonymous reports stay hidden from staff, and existing Open311 cases are readable by their sender only once public.
 */
export class CaseReaderRule1796353200000 implements MigrationInterface {
  name = 'CaseReaderRule1796353200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "grid_events"."case_reporters" ADD "name_visible_to_staff" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "grid_events"."case_views" ADD "open311_client" character varying(200)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "grid_events"."case_views" DROP COLUMN "open311_client"`);
    await queryRunner.query(`ALTER TABLE "grid_events"."case_reporters" DROP COLUMN "name_visible_to_staff"`);
  }
}
