import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, ZodQuery } from '@gongzhi/identity';
import type { DashboardProjections } from '../../dashboard-projections';
import { DASHBOARD_PROJECTIONS } from '../../tokens';
import { ApiOkFrom, ApiQueryFrom } from '@gongzhi/platform';
import {
  adoptedSuggestionsQuery,
  adoptedSuggestionsResponse,
  deliberationDailyQuery,
  deliberationDailyResponse,
  deliberationSummaryQuery,
  deliberationSummaryResponse,
  readAdoptedSuggestions,
  readDeliberationDaily,
  readDeliberationSummary,
  readTopicList,
  topicListQuery,
  topicListResponse,
  type AdoptedSuggestionsQuery,
  type DeliberationDailyQuery,
  type DeliberationSummaryQuery,
  type TopicListQuery,
} from './deliberation.query';

@ApiTags('dashboards')
@Controller('api/dashboards')
export class DeliberationHttpController {
  constructor(@Inject(DASHBOARD_PROJECTIONS) private readonly projections: DashboardProjections) {}

  @Get('deliberation/summary')
  @Public()
  @ApiOperation({ summary: 'The resident council (议事厅): topics per stage, turnout, quorum, results and attendance' })
  @ApiQueryFrom(deliberationSummaryQuery)
  @ApiOkFrom(deliberationSummaryResponse, 'Figures of the topics proposed in the window.')
  summary(@ZodQuery(deliberationSummaryQuery) query: DeliberationSummaryQuery) {
    return readDeliberationSummary(this.projections.dataSource, query, this.projections.now());
  }

  @Get('deliberation/topics')
  @Public()
  @ApiOperation({ summary: 'Council topics with their stage and turnout, most recently changed first' })
  @ApiQueryFrom(topicListQuery)
  @ApiOkFrom(topicListResponse, 'A page of topics. Proposers are never named.')
  topics(@ZodQuery(topicListQuery) query: TopicListQuery) {
    return readTopicList(this.projections.dataSource, query);
  }

  @Get('deliberation/daily')
  @Public()
  @ApiOperation({ summary: 'Daily council counts for the city or one community' })
  @ApiQueryFrom(deliberationDailyQuery)
  @ApiOkFrom(deliberationDailyResponse, 'A dense series: every day of the window.')
  daily(@ZodQuery(deliberationDailyQuery) query: DeliberationDailyQuery) {
    return readDeliberationDaily(this.projections.dataSource, query, this.projections.now(), this.projections.timeZone);
  }

  @Get('adopted-suggestions')
  @Public()
  @ApiOperation({ summary: 'The adopted-suggestions list (居民建议落地清单): what was adopted, who is responsible, how far it got' })
  @ApiQueryFrom(adoptedSuggestionsQuery)
  @ApiOkFrom(adoptedSuggestionsResponse, 'A page of adopted suggestions, newest first.')
  adoptedSuggestions(@ZodQuery(adoptedSuggestionsQuery) query: AdoptedSuggestionsQuery) {
    return readAdoptedSuggestions(this.projections.dataSource, query);
  }
}
