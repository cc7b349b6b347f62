import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { DomainError } from '@gongzhi/eventsourcing';
import type { Principal } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { juryOf } from '../domain/contest/contest.events';
import type { ContestState } from '../domain/contest/contest.state';
import { runsContest } from './contest-authority';
import { ResidentProfile } from '../read-models/points-read-models.entities';
import { ContestBuilding, ContestBuildingResident, ContestStandingView, ContestView } from '../read-models/contest-read-models.entities';

/** A volunteer who chose no public name: shown without their account id. */
export const UNNAMED_VOLUNTEER = '未署名志愿者';

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

  /**
   * One contest with its standings. A jury's running scores are for its jurors and the staff of the patch until the
   * close (then the published means); nobody is ever shown who gave which score, only a juror their own.
   */
  async contest(contestId: string, principal: Principal) {
    const view = await this.db.getRepository(ContestView).findOneBy({ contestId });
    if (!view) throw new DomainError('CONTEST.NOT_FOUND', `No contest ${contestId}`, { field: 'contestId' });
    const standings = await this.db.getRepository(ContestStandingView).find({ where: { contestId }, order: { kind: 'ASC', rank: 'ASC' } });
    const { state, ...rest } = view;
    const running = state as Extract<ContestState, { status: 'Open' | 'Closed' }>;
    const jurorIds = juryOf(running.contest);
    const isJuror = jurorIds.includes(principal.subject);
    const scoresHidden = jurorIds.length > 0 && view.status === 'open' && !isJuror && !runsContest(principal, view.communityId);
    return {
      ...rest,
      judging: jurorIds.length > 0 ? ('jury' as const) : ('vote' as const),
      jurorIds,
      scoresHidden,
      ...(isJuror ? { myScores: running.scores?.[principal.subject] ?? {} } : {}),
      standings: scoresHidden ? [] : await this.withPublicNames(standings.map(({ contestId: _id, ...s }) => s)),
    };
  }

  /**
   * Volunteers are ranked by id in the fold (so a replay ranks the same); people read the name each chose to show
   * on leaderboards (ResidentProfileUpdated, as the honour roll does), never an account id.
   */
  private async withPublicNames<S extends { kind: string; subjectId: string; label: string }>(standings: S[]): Promise<S[]> {
    const residentIds = standings.filter((s) => s.kind === 'resident').map((s) => s.subjectId);
    if (residentIds.length === 0) return standings;
    const profiles = await this.db.getRepository(ResidentProfile).findBy({ residentId: In(residentIds) });
    const names = new Map(profiles.map((p) => [p.residentId, p.displayName]));
    return standings.map((s) => (s.kind === 'resident' ? { ...s, label: names.get(s.subjectId) ?? UNNAMED_VOLUNTEER } : s));
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
