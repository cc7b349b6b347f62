import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { DomainError } from '@gongzhi/eventsourcing';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { ContestBuilding, ContestBuildingResident, ContestStandingView, ContestView } from '../read-models/contest-read-models.entities';

/** The contests' read side: the list, one contest with its standings, and the building roll a 最美楼栋 opens with. */
@Injectable()
export class ContestReaders {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  private get db() {
    return this.infrastructure.dataSource;
  }

  async contests(communityId: string) {
    const rows = await this.db.getRepository(ContestView).find({ where: { communityId }, order: { endsAt: 'DESC' } });
    return rows.map(({ state: _state, ...view }) => view);
  }

  async contest(contestId: string) {
    const view = await this.db.getRepository(ContestView).findOneBy({ contestId });
    if (!view) throw new DomainError('CONTEST.NOT_FOUND', `No contest ${contestId}`, { field: 'contestId' });
    const standings = await this.db.getRepository(ContestStandingView).find({ where: { contestId }, order: { kind: 'ASC', rank: 'ASC' } });
    const { state: _state, ...rest } = view;
    return { ...rest, standings: standings.map(({ contestId: _id, ...s }) => s) };
  }

  /** The community's registered buildings with their recorded residents, as deliberation published them. */
  async buildingRoll(communityId: string) {
    const buildings = await this.db.getRepository(ContestBuilding).find({ where: { communityId }, order: { name: 'ASC' } });
    if (buildings.length === 0) return [];
    const residents = await this.db
      .getRepository(ContestBuildingResident)
      .find({ where: { buildingId: In(buildings.map((b) => b.buildingId)) }, order: { residentId: 'ASC' } });
    return buildings.map((b) => ({
      buildingId: b.buildingId,
      name: b.name,
      residentIds: residents.filter((r) => r.buildingId === b.buildingId).map((r) => r.residentId),
    }));
  }
}
