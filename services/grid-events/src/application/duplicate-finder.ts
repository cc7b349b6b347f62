import { Inject, Injectable } from '@nestjs/common';
import { boxAround } from '@gongzhi/contracts';
import { selectRows } from '@gongzhi/persistence';
import type { Principal } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { CaseView } from '../read-models/case-view.entity';
import { distanceMetres, type LatLong } from '../reference-data/geo';
import { CaseReaders } from './case-readers';

export const DUPLICATE_RADIUS_METRES = 50;
export const DUPLICATE_WINDOW_DAYS = 60;
const OPEN_STATUSES = ['Reported', 'Accepted', 'Dispatched', 'Acknowledged', 'Resolved'];

/** A case the reader may read: enough to recognise it and follow it. */
export interface DuplicateCase {
  readonly caseId: string;
  readonly categoryCode: string;
  readonly description: string;
  readonly status: string;
  readonly distanceMetres: number;
  readonly reportedAt: string;
}

/** A case the reader may not read yet (untriaged, someone else's): that it exists, of what kind, how far. */
export interface DuplicateHint {
  readonly categoryCode: string;
  readonly distanceMetres: number;
}

export type DuplicateSuggestion = DuplicateCase | DuplicateHint;

/** Open cases of the same category within 50 m, reported in the last 60 days, nearest first, each as the reader may see it. */
@Injectable()
export class DuplicateFinder {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
    private readonly readers: CaseReaders,
  ) {}

  async near(reader: Principal, categoryCode: string, point: LatLong): Promise<DuplicateSuggestion[]> {
    const found = await this.candidates(categoryCode, point);
    const sights = await this.readers.sightsOf(
      reader,
      found.map(({ view }) => view),
    );
    return found.map(({ view, distance }): DuplicateSuggestion =>
      sights.get(view.caseId)?.content === 'full'
        ? {
            caseId: view.caseId,
            categoryCode: view.categoryCode,
            description: view.description,
            status: view.status,
            distanceMetres: distance,
            reportedAt: view.reportedAt,
          }
        : { categoryCode: view.categoryCode, distanceMetres: distance },
    );
  }

  private async candidates(categoryCode: string, point: LatLong): Promise<{ view: CaseView; distance: number }[]> {
    const since = new Date(this.infrastructure.clock.now().getTime() - DUPLICATE_WINDOW_DAYS * 86_400_000).toISOString();
    // A box around the point narrows the rows in SQL; the exact distance is checked here.
    const { south, north, west, east } = boxAround(point, DUPLICATE_RADIUS_METRES + 0.5); // distances are rounded
    // Plain SQL built once: on every report, TypeORM's query builder took longer to write this than SQLite to run it.
    const after = OPEN_STATUSES.length + 1;
    const rows = await selectRows(
      this.infrastructure.dataSource.manager,
      CaseView,
      'duplicate-candidates',
      ({ column, param }) =>
        `${column('categoryCode')} = ${param(0)} AND ${column('status')} IN (${OPEN_STATUSES.map((_, i) => param(i + 1)).join(', ')}) ` +
        `AND ${column('reportedAt')} >= ${param(after)} AND ${column('lat')} BETWEEN ${param(after + 1)} AND ${param(after + 2)} ` +
        `AND ${column('long')} BETWEEN ${param(after + 3)} AND ${param(after + 4)}`,
      [categoryCode, ...OPEN_STATUSES, since, south, north, west, east],
    );
    return rows
      .filter((r) => r.lat !== null && r.long !== null)
      .map((view) => ({ view, distance: Math.round(distanceMetres(point, { lat: view.lat!, long: view.long! })) }))
      .filter((r) => r.distance <= DUPLICATE_RADIUS_METRES)
      .sort((a, b) => a.distance - b.distance);
  }
}
