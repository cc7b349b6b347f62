import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { selectTuples } from '@gongzhi/persistence';
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

/** The select list of both case lists, in the order `listedCaseOf` reads a row's values. */
const LISTED_COLUMNS =
  `c.case_id, c.status, c.category_code, c.description, c.lat, c."long", c.address, c.grid_id, c.department_id, ` +
  `c.anonymous, c.reporter_id, c.assignee_kind, c.resolve_by, c.overdue, c.reported_at, c.updated_at, ` +
  `r.reporter_id AS private_reporter_id, r.name_visible_to_staff, ` +
  `CASE WHEN f.follower_id IS NULL THEN 0 ELSE 1 END AS followed`;

/** A row of LISTED_COLUMNS: its values in their order (see selectTuples). */
type ListedRow = [
  caseId: string,
  status: string,
  categoryCode: string,
  description: string,
  lat: number | null,
  long: number | null,
  address: string | null,
  gridId: string,
  departmentId: string | null,
  anonymous: boolean | number,
  reporterId: string | null,
  assigneeKind: string | null,
  resolveBy: string | null,
  overdue: boolean | number,
  reportedAt: string,
  updatedAt: string,
  privateReporterId: string | null,
  nameVisibleToStaff: boolean | number | null,
  followed: boolean | number,
];

/**
 * The case lists, each one SQL statement over raw rows: the cases with the reader's private records beside them, so
 * the reading rule needs no further query, and no entity (nor, on SQLite, any object) is built for a row only turned
 * into JSON. A list costs the rows it shows: a person's own cases are a range of the (reporter, report time) index,
 * cut at the limit.
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

  /**
   * The cases a person reported or follows, newest first: the newest of each kind, then the newest of both. Two
   * statements, each read in its index's order, merged here: one statement that unites the two kinds' ids and then
   * looks each row up again costs a third more on a list of fifty.
   */
  async ownAndFollowed(subject: string, statuses: readonly string[] | undefined, limit: number): Promise<ListedCase[]> {
    const { views, reporters, followers } = this.tables();
    const ofStatus = statusFilter('c', statuses);
    const [reported, followed] = await Promise.all([
      this.rows(
        `SELECT ${LISTED_COLUMNS} FROM ${reporters} r JOIN ${views} c ON c.case_id = r.case_id ` +
          `LEFT JOIN ${followers} f ON f.case_id = c.case_id AND f.follower_id = ? ` +
          `WHERE r.reporter_id = ?${ofStatus.sql} ORDER BY r.reported_at DESC LIMIT ?`,
        [subject, subject, ...ofStatus.values, limit],
      ),
      this.rows(
        `SELECT ${LISTED_COLUMNS} FROM ${followers} f JOIN ${views} c ON c.case_id = f.case_id ` +
          `LEFT JOIN ${reporters} r ON r.case_id = c.case_id ` +
          `WHERE f.follower_id = ?${ofStatus.sql} ORDER BY c.reported_at DESC LIMIT ?`,
        [subject, ...ofStatus.values, limit],
      ),
    ]);
    return newestOfBoth(reported, followed, limit).map(listedCaseOf);
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
      `SELECT ${LISTED_COLUMNS} FROM ${views} c LEFT JOIN ${reporters} r ON r.case_id = c.case_id ` +
      `LEFT JOIN ${followers} f ON f.case_id = c.case_id AND f.follower_id = ? ${where}`;
    return (await this.rows(sql, parameters)).map(listedCaseOf);
  }

  private async rows(sql: string, parameters: readonly unknown[]): Promise<ListedRow[]> {
    return (await selectTuples(this.dataSource, placeholdersFor(this.dataSource, sql), parameters)) as ListedRow[];
  }

  private tableNames?: { readonly views: string; readonly reporters: string; readonly followers: string };

  private tables() {
    const dataSource = this.dataSource;
    this.tableNames ??= {
      views: tableOf(dataSource, CaseView),
      reporters: tableOf(dataSource, CaseReporter),
      followers: tableOf(dataSource, CaseFollower),
    };
    return this.tableNames;
  }
}

function statusFilter(alias: string, statuses: readonly string[] | undefined): { sql: string; values: readonly string[] } {
  if (!statuses) return { sql: '', values: [] };
  return { sql: ` AND ${alias}.status IN (${statuses.map(() => '?').join(', ')})`, values: statuses };
}

const REPORTED_AT = 14;

/**
 * Two lists each newest first (report times are ISO strings on both databases, so they compare as text), merged and
 * cut at the limit; a case in both (its reporter follows it too) is listed once.
 */
function newestOfBoth(a: readonly ListedRow[], b: readonly ListedRow[], limit: number): ListedRow[] {
  const merged: ListedRow[] = [];
  const listed = new Set<string>();
  let i = 0;
  let j = 0;
  while (merged.length < limit && (i < a.length || j < b.length)) {
    const row = j >= b.length || (i < a.length && a[i][REPORTED_AT] >= b[j][REPORTED_AT]) ? a[i++] : b[j++];
    if (listed.has(row[0])) continue;
    listed.add(row[0]);
    merged.push(row);
  }
  return merged;
}

// SQLite answers booleans as 0 and 1, PostgreSQL as booleans; timestamps come as ISO strings from both (see openDataSource).
function listedCaseOf(row: ListedRow): ListedCase {
  const [
    caseId,
    status,
    categoryCode,
    description,
    lat,
    long,
    address,
    gridId,
    departmentId,
    anonymous,
    reporterId,
    assigneeKind,
    resolveBy,
    overdue,
    reportedAt,
    updatedAt,
    privateReporterId,
    nameVisibleToStaff,
    followed,
  ] = row;
  return {
    caseId,
    status,
    categoryCode,
    description,
    lat,
    long,
    address,
    gridId,
    departmentId,
    anonymous: Boolean(anonymous),
    reporterId,
    assigneeKind,
    resolveBy,
    overdue: Boolean(overdue),
    reportedAt,
    updatedAt,
    privateReporter: privateReporterId === null ? null : { reporterId: privateReporterId, nameVisibleToStaff: Boolean(nameVisibleToStaff) },
    followed: Boolean(followed),
  };
}
