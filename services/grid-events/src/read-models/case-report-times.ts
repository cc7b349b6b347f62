import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { updateRows } from '@gongzhi/persistence';
import { CaseReporter } from './case-reporter.entity';
import { CaseView } from './case-view.entity';

/** An entity's table as raw SQL names it: schema-qualified on PostgreSQL (the service's own schema), bare on SQLite. */
export function tableOf(dataSource: DataSource, entity: EntityTarget<ObjectLiteral>): string {
  return dataSource
    .getMetadata(entity)
    .tablePath.split('.')
    .map((part) => dataSource.driver.escape(part))
    .join('.');
}

/** SQL written with `?` placeholders, numbered `$1, $2 …` for PostgreSQL. */
export function placeholdersFor(dataSource: DataSource, sql: string): string {
  if (dataSource.options.type !== 'postgres') return sql;
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** The case-views projector lists a reported case: its reporter's row learns the case's report time (see CaseReporter.reportedAt). */
export function recordReportTime(manager: EntityManager, caseId: string, reportedAt: string): Promise<void> {
  return updateRows(manager, CaseReporter, { caseId }, { reportedAt });
}

/**
 * A data folder of an older version has reporter rows without their case's report time, and the lists would put those
 * cases last: each learns it from its case view, once (a row whose case is not listed yet is left to the projector).
 * PostgreSQL schemas are filled in by the migration that added the column.
 */
export async function fillMissingReportTimes(dataSource: DataSource): Promise<void> {
  const reporters = tableOf(dataSource, CaseReporter);
  const views = tableOf(dataSource, CaseView);
  await dataSource.query(
    `UPDATE ${reporters} SET reported_at = (SELECT v.reported_at FROM ${views} v WHERE v.case_id = ${reporters}.case_id) ` +
      `WHERE reported_at IS NULL AND EXISTS (SELECT 1 FROM ${views} v WHERE v.case_id = ${reporters}.case_id)`,
  );
}
