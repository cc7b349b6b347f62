import type { MigrationInterface, QueryRunner } from 'typeorm';

/** grid-register: the grid register's list (base_records) and the facility a case names (case_views.facility_id), from the entities. */
export class GridRegister1796420000000 implements MigrationInterface {
  name = 'GridRegister1796420000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "grid_events"."base_records" ("record_id" character varying(64) NOT NULL, "grid_id" character varying(100) NOT NULL, "kind" character varying(20) NOT NULL, "label" character varying(200) NOT NULL, "details" text NOT NULL, "status" character varying(10) NOT NULL, "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by" character varying(200), CONSTRAINT "PK_9ad1b10a59c0e410ec59edda296" PRIMARY KEY ("record_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_9ca9bad8019fbdecc46fd18e1d" ON "grid_events"."base_records"  ("grid_id", "kind") `);
    await queryRunner.query(`ALTER TABLE "grid_events"."case_views" ADD "facility_id" character varying(64)`);
    await queryRunner.query(`CREATE INDEX "IDX_424915cddd19e32acb88c1f805" ON "grid_events"."case_views"  ("facility_id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "grid_events"."IDX_424915cddd19e32acb88c1f805"`);
    await queryRunner.query(`ALTER TABLE "grid_events"."case_views" DROP COLUMN "facility_id"`);
    await queryRunner.query(`DROP INDEX "grid_events"."IDX_9ca9bad8019fbdecc46fd18e1d"`);
    await queryRunner.query(`DROP TABLE "grid_events"."base_records"`);
  }
}
