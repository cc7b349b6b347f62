import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, ZodQuery } from '@gongzhi/identity';
import { PublicLists } from './public-lists.reader';
import {
  bookingsQuery,
  communityQuery,
  resourcesQuery,
  type BookingsQuery,
  type CommunityQuery,
  type ResourcesQuery,
} from './public-lists.request';

/** Open data: the three lists (资源清单、需求清单、项目清单), space bookings, matching, the fund's ledger, the organisation registry. */
@ApiTags('co-building: public lists')
@Controller('api/co-building')
export class PublicListsHttpController {
  constructor(private readonly lists: PublicLists) {}

  @Get('resources')
  @Public()
  @ApiOperation({ summary: '资源清单: spaces, offers of companies and institutions, residents’ skills' })
  resources(@ZodQuery(resourcesQuery) query: ResourcesQuery) {
    return this.lists.resources(query);
  }

  @Get('resources/:resourceId/bookings')
  @Public()
  @ApiOperation({ summary: 'The booked slots of a space (by day): what is not listed is free; a cancelled booking frees its slot' })
  bookings(@Param('resourceId') resourceId: string, @ZodQuery(bookingsQuery) query: BookingsQuery) {
    return this.lists.bookings(resourceId, query);
  }

  @Get('needs')
  @Public()
  @ApiOperation({ summary: '需求清单: residents’ needs' })
  needs(@ZodQuery(communityQuery) query: CommunityQuery) {
    return this.lists.needs(query);
  }

  @Get('needs/:needId/matches')
  @Public()
  @ApiOperation({ summary: 'Resources proposed for a need, best first, each with its score and reasons' })
  matches(@Param('needId') needId: string) {
    return this.lists.matches(needId);
  }

  @Get('projects')
  @Public()
  @ApiOperation({ summary: '项目清单: community projects' })
  projects(@ZodQuery(communityQuery) query: CommunityQuery) {
    return this.lists.projects(query);
  }

  @Get('projects/:projectId')
  @Public()
  @ApiOperation({ summary: 'One community project with its resource requests' })
  project(@Param('projectId') projectId: string) {
    return this.lists.project(projectId);
  }

  @Get('fund/:communityId/ledger')
  @Public()
  @ApiOperation({
    summary:
      "The community fund's public ledger: every project income with its split and every spending with its purpose (and the council topic that approved it), in order, each with the balance after it",
  })
  ledger(@Param('communityId') communityId: string) {
    return this.lists.ledger(communityId);
  }

  @Get('organisations')
  @Public()
  @ApiOperation({ summary: 'The registry of community social organisations with their current grades' })
  organisations(@ZodQuery(communityQuery) query: CommunityQuery) {
    return this.lists.organisations(query);
  }

  @Get('organisations/:organisationId')
  @Public()
  @ApiOperation({ summary: 'One organisation with its services and grade history' })
  organisation(@Param('organisationId') organisationId: string) {
    return this.lists.organisation(organisationId);
  }
}
