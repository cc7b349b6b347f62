import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiOkFrom } from '@gongzhi/platform';
import { z } from 'zod';
import { DomainError } from '@gongzhi/eventsourcing';
import { Allow, CurrentPrincipal, type Principal } from '@gongzhi/identity';
import { assertOfficerOf, OFFICER_ROLES } from '../../domain/caller';
import { InterestGroupsReader, type InterestGroupListing } from './interest-groups.reader';

export const interestGroupsResponse = z.object({
  items: z.array(
    z.object({
      groupId: z.string(),
      name: z.string(),
      description: z.string(),
      memberCount: z.number().int().describe('No member is ever named'),
      joined: z.boolean().describe('Whether the reader is a member; false for staff'),
    }),
  ),
});

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
  @ApiQuery({ name: 'communityId', required: false, description: 'For officers: the community whose groups to list' })
  @ApiOkFrom(interestGroupsResponse, 'The groups with their member counts.')
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
  @ApiOkFrom(interestGroupsResponse, 'The groups the caller joined.')
  async mine(@CurrentPrincipal() p: Principal): Promise<{ items: InterestGroupListing[] }> {
    return { items: await this.groups.mine(p.subject) };
  }
}
