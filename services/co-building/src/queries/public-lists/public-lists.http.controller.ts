import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, ZodQuery } from '@gongzhi/identity';
import { ApiOkFrom, ApiQueryFrom, type AnswerOf } from '@gongzhi/platform';
import { z } from 'zod';
import { PublicLists } from './public-lists.reader';
import {
  bookingsQuery,
  communityQuery,
  resourcesQuery,
  type BookingsQuery,
  type CommunityQuery,
  type ResourcesQuery,
} from './public-lists.request';

const instant = z.iso.datetime();

export const resourcesResponse = z.array(
  z.object({
    resourceId: z.string(),
    communityId: z.string(),
    kind: z.enum(['space', 'goods', 'service', 'skill']),
    title: z.string(),
    description: z.string(),
    category: z.string(),
    tags: z.array(z.string()),
    offeredByKind: z.string(),
    offeredByName: z.string(),
    opensAt: z.string().nullable().describe('HH:mm, for a space'),
    closesAt: z.string().nullable().describe('HH:mm, for a space'),
    listedAt: instant,
  }),
);

export const projectsResponse = z.array(
  z.object({
    projectId: z.string(),
    communityId: z.string(),
    title: z.string(),
    summary: z.string(),
    category: z.string().nullable(),
    teamSize: z.number().int(),
    activities: z.number().int(),
    participantsTotal: z.number().int(),
    teamIncomeFen: z.number().int(),
    fundIncomeFen: z.number().int(),
    requests: z.array(
      z.object({
        requestId: z.string(),
        resourceId: z.string(),
        purpose: z.string(),
        status: z.enum(['requested', 'approved', 'declined']),
        reason: z.string().nullable(),
        note: z.string().nullable(),
      }),
    ),
    startedAt: instant,
  }),
);

const ledgerEntry = { communityId: z.string(), amountFen: z.number().int(), recordedAt: instant, balanceFen: z.number().int() };

export const fundLedgerResponse = z.object({
  communityId: z.string(),
  entries: z
    .array(
      z.discriminatedUnion('kind', [
        z.object({
          ...ledgerEntry,
          kind: z.literal('income'),
          incomeId: z.string(),
          projectId: z.string(),
          projectTitle: z.string(),
          source: z.string(),
          description: z.string(),
          teamSharePercent: z.number().int(),
          teamShareFen: z.number().int(),
          fundShareFen: z.number().int(),
        }),
        z.object({
          ...ledgerEntry,
          kind: z.literal('spending'),
          spendingId: z.string(),
          purpose: z.string(),
          councilTopicId: z.string().nullable(),
        }),
      ]),
    )
    .describe("Oldest first, each with the fund's balance after it"),
  incomeFen: z.number().int(),
  spentFen: z.number().int(),
  balanceFen: z.number().int(),
});

/** Open data: the three lists (资源清单、需求清单、项目清单), space bookings, matching, the fund's ledger, the organisation registry. */
@ApiTags('co-building: public lists')
@Controller('api/co-building')
export class PublicListsHttpController {
  constructor(private readonly lists: PublicLists) {}

  @Get('resources')
  @Public()
  @ApiOperation({ summary: '资源清单: spaces, offers of companies and institutions, residents’ skills' })
  @ApiQueryFrom(resourcesQuery)
  @ApiOkFrom(resourcesResponse, 'The listed resources, oldest first.')
  resources(@ZodQuery(resourcesQuery) query: ResourcesQuery): Promise<AnswerOf<typeof resourcesResponse>> {
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
  @ApiQueryFrom(communityQuery)
  @ApiOkFrom(projectsResponse, 'The projects, oldest first; the team is a count.')
  projects(@ZodQuery(communityQuery) query: CommunityQuery): Promise<AnswerOf<typeof projectsResponse>> {
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
  @ApiOkFrom(fundLedgerResponse, 'Every income and spending of the fund with the running balance.')
  ledger(@Param('communityId') communityId: string): Promise<AnswerOf<typeof fundLedgerResponse>> {
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
