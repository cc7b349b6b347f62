import { Inject, Injectable } from '@nestjs/common';
import { In, MoreThanOrEqual } from 'typeorm';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { CaseView } from '../read-models/case-view.entity';
import { distanceMetres, type LatLong } from '../reference-data/geo';

export const DUPLICATE_RADIUS_METRES = 50;
export const DUPLICATE_WINDOW_DAYS = 60;
const OPEN_STATUSES = ['Reported', 'Accepted', 'Dispatched', 'Acknowledged', 'Resolved'];

export interface DuplicateSuggestion {
  readonly caseId: string;
  readonly categoryCode: string;
  readonly description: string;
  readonly status: string;
  readonly distanceMetres: number;
  readonly reportedAt: string;
}

/** Open cases of the same category within 50 m, reported in the last 60 days, nearest first. */
@Injectable()
export class DuplicateFinder {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  async near(categoryCode: string, point: LatLong, excludeCaseId?: string): Promise<DuplicateSuggestion[]> {
    const since = new Date(this.infrastructure.clock.now().getTime() - DUPLICATE_WINDOW_DAYS * 86_400_000).toISOString();
    // A bounding box narrows the rows in SQL; the exact distance is checked here.
    const dLat = DUPLICATE_RADIUS_METRES / 111_320;
    const dLong = DUPLICATE_RADIUS_METRES / (111_320 * Math.cos((point.lat * Math.PI) / 180));
    const rows = await this.infrastructure.dataSource
      .getRepository(CaseView)
      .createQueryBuilder('c')
      .where({ categoryCode, status: In(OPEN_STATUSES), reportedAt: MoreThanOrEqual(since) })
      .andWhere('c.lat BETWEEN :south AND :north', { south: point.lat - dLat, north: point.lat + dLat })
      .andWhere('c.long BETWEEN :west AND :east', { west: point.long - dLong, east: point.long + dLong })
      .getMany();
    return rows
      .filter((r) => r.caseId !== excludeCaseId && r.lat !== null && r.long !== null)
      .map((r) => ({
        caseId: r.caseId,
        categoryCode: r.categoryCode,
        description: r.description,
        status: r.status,
        distanceMetres: Math.round(distanceMetres(point, { lat: r.lat!, long: r.long! })),
        reportedAt: r.reportedAt,
      }))
      .filter((r) => r.distanceMetres <= DUPLICATE_RADIUS_METRES)
      .sort((a, b) => a.distanceMetres - b.distanceMetres);
  }
}
