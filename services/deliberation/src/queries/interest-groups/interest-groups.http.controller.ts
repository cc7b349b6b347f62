import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@gongzhi/eventsourcing';
import { Allow, CurrentPrincipal, type Principal } from '@gongzhi/identity';
import { assertOfficerOf, OFFICER_ROLES } from '../../domain/caller';
import { InterestGroupsReader, type InterestGroupListing } from './interest-groups.reader';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation')
export class InterestGroupsHttpController {
  constructor(private readonly groups: InterestGroupsReader) {}

  @Get('interest-groups')
  @Allow('resident', ...OFFICER_ROLES)
  @ApiOperation({
    summary: 'The interest groups (兴趣社团) of my community (officers: ?communityId=), with member counts and whether I joined',
  })
  async list(@CurrentPrincipal() p: Principal, @Query('communityId') asked?: string): Promise<{ items: InterestGroupListing[] }> {
    const resident = p.roles.includes('resident');
    const communityId = resident ? p.scope.communityId : (asked ?? p.scope.communityId);
    if (!communityId) throw new DomainError('GROUP.COMMUNITY_REQUIRED', 'name the community with ?communityId=', { field: 'communityId' });
    if (!resident) assertOfficerOf(p, communityId, 'GROUP.FORBIDDEN');
    return { items: await this.groups.ofCommunity(communityId, p.subject) };
  }

  @Get('me/interest-groups')
  @Allow('resident')
  @ApiOperation({ summary: 'The interest groups I joined' })
  async mine(@CurrentPrincipal() p: Principal): Promise<{ items: InterestGroupListing[] }> {
    return { items: await this.groups.mine(p.subject) };
  }
}
