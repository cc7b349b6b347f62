import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Photos in PostgreSQL (PostgresMediaStore), shared by every replica. Written by hand: the table has no
 * TypeORM entity, because the embedded default keeps photos as files next to its SQLite database.
 */
export class PhotosInPostgres1796352107378 implements MigrationInterface {
  name = 'PhotosInPostgres1796352107378';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "grid_events"."photo" ("id" uuid NOT NULL, "content_type" character varying NOT NULL, "uploaded_by" character varying NOT NULL, "bytes" bytea NOT NULL, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_photo" PRIMARY KEY ("id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "grid_events"."photo"`);
  }
}
