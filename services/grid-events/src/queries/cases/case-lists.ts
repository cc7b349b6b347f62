import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import type { ReadableCaseWithRecords } from '../../application/case-readers';
import { fillMissingReportTimes, placeholdersFor, tableOf } from '../../read-models/case-report-times';
import { CaseFollower, CaseReporter } from '../../read-models/case-reporter.entity';
import { CaseView } from '../../read-models/case-view.entity';

/** A row of a case list: what the list item shows, and what the reading rule needs, private records included. */
export interface ListedCase
  extends
    ReadableCaseWithRecords,
    Pick<
      CaseView,
      'categoryCode' | 'description' | 'lat' | 'long' | 'address' | 'assigneeKind' | 'resolveBy' | 'overdue' | 'reportedAt' | 'updatedAt'
    > {}

/** Where staff may list cases: each clause a column equal to one of some values; a case matching any clause is listed. */
export type ListScope = readonly {
  readonly column: 'grid_id' | 'community_id' | 'street_id' | 'department_id';
  readonly values: readonly string[];
}[];

interface ListedRow {
  case_id: string;
  status: string;
  category_code: string;
  description: string;
  lat: number | null;
  long: number | null;
  address: string | null;
  grid_id: string;
  department_id: string | null;
  anonymous: boolean | number;
  reporter_id: string | null;
  assignee_kind: string | null;
  resolve_by: string | null;
  overdue: boolean | number;
  reported_at: string;
  updated_at: string;
  private_reporter_id: string | null;
  name_visible_to_staff: boolean | number | null;
  followed: boolean | number;
}

/**
 * The case lists, each one SQL statement over raw rows: the cases with the reader's private records beside them, so
 * the reading rule needs no further query, and no entity is built for a row only turned into JSON. A list costs the
 * rows it shows: a person's own cases are a range of the (reporter, report time) index, cut at the limit.
 */
@Injectable()
export class CaseLists implements OnModuleInit {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  async onModuleInit(): Promise<void> {
    // An embedded data folder's schema follows the entities; its older reporter rows learn their report times here.
    if (this.dataSource.options.type === 'better-sqlite3') await fillMissingReportTimes(this.dataSource);
  }

  private get dataSource() {
    return this.infrastructure.dataSource;
  }

  /** The cases a person reported or follows, newest first: the newest of each kind, then the newest of both. */
  async ownAndFollowed(subject: string, statuses: readonly string[] | undefined, limit: number): Promise<ListedCase[]> {
    const { views, reporters, followers } = this.tables();
    const ofStatus = statusFilter('v', statuses);
    return this.listed(
      `WHERE c.case_id IN (` +
        `SELECT case_id FROM (SELECT r2.case_id FROM ${reporters} r2 JOIN ${views} v ON v.case_id = r2.case_id ` +
        `WHERE r2.reporter_id = ?${ofStatus.sql} ORDER BY r2.reported_at DESC LIMIT ?) reported ` +
        `UNION SELECT case_id FROM (SELECT f2.case_id FROM ${followers} f2 JOIN ${views} v ON v.case_id = f2.case_id ` +
        `WHERE f2.follower_id = ?${ofStatus.sql} ORDER BY v.reported_at DESC LIMIT ?) followed) ` +
        `ORDER BY c.reported_at DESC LIMIT ?`,
      [subject, subject, ...ofStatus.values, limit, subject, ...ofStatus.values, limit, limit],
    );
  }

  /** Staff's cases: those in any clause of their scope, newest first. */
  async inScope(subject: string, scope: ListScope, statuses: readonly string[] | undefined, limit: number): Promise<ListedCase[]> {
    // A clause of no values matches nothing (PostgreSQL refuses an empty IN list).
    const clauses = scope.map(({ column, values }) =>
      values.length === 0 ? '1 = 0' : `c.${column} IN (${values.map(() => '?').join(', ')})`,
    );
    const ofStatus = statusFilter('c', statuses);
    return this.listed(`WHERE (${clauses.join(' OR ')})${ofStatus.sql} ORDER BY c.reported_at DESC LIMIT ?`, [
      subject,
      ...scope.flatMap((clause) => clause.values),
      ...ofStatus.values,
      limit,
    ]);
  }

  /** The first parameter is the reader (whose follower row is joined), then those of `where`. */
  private async listed(where: string, parameters: readonly unknown[]): Promise<ListedCase[]> {
    const { views, reporters, followers } = this.tables();
    const sql =
      `SELECT c.case_id, c.status, c.category_code, c.description, c.lat, c."long", c.address, c.grid_id, c.department_id, ` +
      `c.anonymous, c.reporter_id, c.assignee_kind, c.resolve_by, c.overdue, c.reported_at, c.updated_at, ` +
      `r.reporter_id AS private_reporter_id, r.name_visible_to_staff, ` +
      `CASE WHEN f.follower_id IS NULL THEN 0 ELSE 1 END AS followed ` +
      `FROM ${views} c LEFT JOIN ${reporters} r ON r.case_id = c.case_id ` +
      `LEFT JOIN ${followers} f ON f.case_id = c.case_id AND f.follower_id = ? ${where}`;
    const rows = (await this.dataSource.query(placeholdersFor(this.dataSource, sql), [...parameters])) as ListedRow[];
    return rows.map(listedCaseOf);
  }

  private tables() {
    const dataSource = this.dataSource;
    return {
      views: tableOf(dataSource, CaseView),
      reporters: tableOf(dataSource, CaseReporter),
      followers: tableOf(dataSource, CaseFollower),
    };
  }
}

function statusFilter(alias: string, statuses: readonly string[] | undefined): { sql: string; values: readonly string[] } {
  if (!statuses) return { sql: '', values: [] };
  return { sql: ` AND ${alias}.status IN (${statuses.map(() => '?').join(', ')})`, values: statuses };
}

// SQLite answers booleans as 0 and 1, PostgreSQL as booleans; timestamps come as ISO strings from both (see openDataSource).
function listedCaseOf(row: ListedRow): ListedCase {
  return {
    caseId: row.case_id,
    status: row.status,
    categoryCode: row.category_code,
    description: row.description,
    lat: row.lat,
    long: row.long,
    address: row.address,
    gridId: row.grid_id,
    departmentId: row.department_id,
    anonymous: Boolean(row.anonymous),
    reporterId: row.reporter_id,
    assigneeKind: row.assignee_kind,
    resolveBy: row.resolve_by,
    overdue: Boolean(row.overdue),
    reportedAt: row.reported_at,
    updatedAt: row.updated_at,
    privateReporter:
      row.private_reporter_id === null
        ? null
        : { reporterId: row.private_reporter_id, nameVisibleToStaff: Boolean(row.name_visible_to_staff) },
    followed: Boolean(row.followed),
  };
}
