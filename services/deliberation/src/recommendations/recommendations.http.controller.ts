import { Controller, Get, Inject, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ApiOkFrom, type AnswerOf } from '@gongzhi/platform';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { recommend, type ResidentProfileData } from './recommend';
import { InterestGroupMemberView } from '../interest-groups/interest-group-views.entity';
import { RecommendableView, ResidentProfile } from './recommendation-views.entity';
import { profileRequest } from './recommendations.requests';

export const recommendationsResponse = z.object({
  items: z.array(
    z.object({
      kind: z.enum(['topic', 'meeting']),
      id: z.string(),
      title: z.string(),
      stage: z.string(),
      meetingAt: z.iso.datetime({ offset: true }).nullable(),
      closesAt: z.iso.datetime({ offset: true }).nullable(),
      score: z.number(),
      reasons: z.array(
        z.object({
          code: z.enum(['grid', 'community', 'group', 'interest', 'profession', 'free_time']),
          zh: z.string(),
          en: z.string(),
        }),
      ),
    }),
  ),
});

const EMPTY: ResidentProfileData = { interests: [], profession: null, freeTimes: [] };

@ApiTags('deliberation')
@ApiBearerAuth()
@Allow('resident')
@Controller('api/deliberation/me')
export class RecommendationsHttpController {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  private async profileOf(residentId: string): Promise<ResidentProfileData> {
    const row = await this.infrastructure.dataSource.getRepository(ResidentProfile).findOneBy({ residentId });
    return row ? { interests: row.interests, profession: row.profession, freeTimes: row.freeTimes } : EMPTY;
  }

  @Put('profile')
  @ApiOperation({
    summary: 'Set my profile for recommendations (精准推送): interests, profession, free times; 400 names each field at fault',
  })
  async putProfile(@CurrentPrincipal() p: Principal, @ZodBody(profileRequest) body: z.output<typeof profileRequest>) {
    await this.infrastructure.dataSource
      .getRepository(ResidentProfile)
      .save({ residentId: p.subject, ...body, updatedAt: this.infrastructure.clock.now().toISOString() });
    return body;
  }

  @Get('profile')
  @ApiOperation({ summary: 'My profile for recommendations (empty until I set it)' })
  getProfile(@CurrentPrincipal() p: Principal) {
    return this.profileOf(p.subject);
  }

  @Get('recommendations')
  @ApiOperation({
    summary: 'Topics in discussion or voting and coming council meetings that fit me, best first, each with its reasons (中文 and English)',
  })
  @ApiOkFrom(recommendationsResponse, 'Best first, each with its reasons.')
  async recommendations(@CurrentPrincipal() p: Principal): Promise<AnswerOf<typeof recommendationsResponse>> {
    const communityId = p.scope.communityId ?? null;
    if (!communityId) return { items: [] };
    const [profile, candidates, memberships] = await Promise.all([
      this.profileOf(p.subject),
      this.infrastructure.dataSource.getRepository(RecommendableView).findBy({ communityId }),
      this.infrastructure.dataSource.getRepository(InterestGroupMemberView).findBy({ residentId: p.subject }),
    ]);
    const items = recommend(
      profile,
      { communityId, gridId: p.scope.gridId ?? null, groupIds: memberships.map((m) => m.groupId) },
      candidates.map(({ kind, itemId, communityId: c, gridId, title, text, stage, meetingAt, closesAt, groupId, groupName }) => ({
        kind,
        id: itemId,
        communityId: c,
        gridId,
        title,
        text,
        stage,
        meetingAt,
        closesAt,
        group: groupId ? { groupId, name: groupName ?? '' } : null,
      })),
      this.infrastructure.clock.now(),
    );
    return { items };
  }
}
