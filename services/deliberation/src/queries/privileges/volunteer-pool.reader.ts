import { Inject, Injectable } from '@nestjs/common';
import type { VolunteerRole } from '@gongzhi/contracts';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { PRIVILEGE_FOR_ROLE } from '../../domain/volunteer-roles/pick-from-pool';
import { ResidentPrivilegesView, VolunteerPoolEntry } from '../../privileges/privileges-views.entity';

export interface PoolMember {
  readonly residentId: string;
  readonly level: string | null;
}

/** The residents staff may pick for a role: those standing in the community whose level unlocks it, by id. */
@Injectable()
export class VolunteerPool {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  async eligible(communityId: string, role: VolunteerRole): Promise<PoolMember[]> {
    const standing = await this.infrastructure.dataSource
      .getRepository(VolunteerPoolEntry)
      .find({ where: { communityId, role }, order: { residentId: 'ASC' } });
    const levels = this.infrastructure.dataSource.getRepository(ResidentPrivilegesView);
    const members = await Promise.all(
      standing.map(async ({ residentId }) => ({ residentId, view: await levels.findOneBy({ residentId }) })),
    );
    return members
      .filter(({ view }) => view?.privileges.includes(PRIVILEGE_FOR_ROLE[role]))
      .map(({ residentId, view }) => ({ residentId, level: view?.level ?? null }));
  }
}
