import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { InterestGroupMemberView, InterestGroupView } from '../../interest-groups/interest-group-views.entity';

export interface InterestGroupListing {
  readonly groupId: string;
  readonly name: string;
  readonly description: string;
  readonly memberCount: number;
  /** Whether the reader is a member; false for staff. No member is ever named. */
  readonly joined: boolean;
}

/** The groups of a community and a resident's own memberships, from the projected views. */
@Injectable()
export class InterestGroupsReader {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  async ofCommunity(communityId: string, readerId: string): Promise<InterestGroupListing[]> {
    const groups = await this.infrastructure.dataSource
      .getRepository(InterestGroupView)
      .find({ where: { communityId }, order: { createdAt: 'ASC', groupId: 'ASC' } });
    const mine = new Set(await this.groupIdsOf(readerId));
    return groups.map(({ groupId, name, description, memberCount }) => ({
      groupId,
      name,
      description,
      memberCount,
      joined: mine.has(groupId),
    }));
  }

  async mine(residentId: string): Promise<InterestGroupListing[]> {
    const ids = await this.groupIdsOf(residentId);
    if (ids.length === 0) return [];
    const groups = await this.infrastructure.dataSource
      .getRepository(InterestGroupView)
      .find({ where: { groupId: In(ids) }, order: { name: 'ASC' } });
    return groups.map(({ groupId, name, description, memberCount }) => ({ groupId, name, description, memberCount, joined: true }));
  }

  async groupIdsOf(residentId: string): Promise<string[]> {
    const rows = await this.infrastructure.dataSource.getRepository(InterestGroupMemberView).findBy({ residentId });
    return rows.map((r) => r.groupId);
  }
}
