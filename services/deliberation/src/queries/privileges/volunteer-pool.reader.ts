import { Inject, Injectable } from '@nestjs/common';
import type { VolunteerRole } from '@gongzhi/contracts';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { PRIVILEGE_FOR_ROLE } from '../../domain/volunteer-roles/pick-from-pool';
import { ResidentPrivilegesView, VolunteerPoolEntry } from '../../privileges/privileges-views.entity';
import { displayNamesOf } from '../../roll/display-names';
import { RESIDENT_REGISTER, type ResidentRegister } from '../../roll/resident-register';

export interface PoolMember {
  readonly residentId: string;
  /** As their account shows it, so staff pick by name; null where no register is configured. */
  readonly displayName: string | null;
  readonly level: string | null;
}

/** The residents staff may pick for a role: those standing in the community whose level unlocks it, with their names. */
@Injectable()
export class VolunteerPool {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
    @Inject(RESIDENT_REGISTER) private readonly register: ResidentRegister,
  ) {}

  async eligible(communityId: string, role: VolunteerRole): Promise<PoolMember[]> {
    const standing = await this.infrastructure.dataSource
      .getRepository(VolunteerPoolEntry)
      .find({ where: { communityId, role }, order: { residentId: 'ASC' } });
    const levels = this.infrastructure.dataSource.getRepository(ResidentPrivilegesView);
    const members = await Promise.all(
      standing.map(async ({ residentId }) => ({ residentId, view: await levels.findOneBy({ residentId }) })),
    );
    const eligible = members.filter(({ view }) => view?.privileges.includes(PRIVILEGE_FOR_ROLE[role]));
    const names = await displayNamesOf(
      this.register,
      eligible.map(({ residentId }) => residentId),
    );
    return eligible.map(({ residentId, view }) => ({ residentId, displayName: names.get(residentId) ?? null, level: view?.level ?? null }));
  }
}
