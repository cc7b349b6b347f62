import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { DomainError, fold, toDomainEvent } from '@gongzhi/eventsourcing';
import { authorityCovers, cityTree, CurrentPrincipal, ZodQuery, type Principal } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { OFFICER_ROLES } from '../../domain/caller';
import type { TopicEvent } from '../../domain/topic/topic.events';
import { topicDecider, topicStreamId } from '../../domain/topic/topic.decider';
import { CommentView } from './comment-view.entity';

export const topicCommentsQuery = z.object({
  limit: z.coerce.number().int().min(1, 'limit is at least 1').max(100, 'limit is at most 100').default(20),
  offset: z.coerce.number().int().min(0, 'offset is not negative').default(0),
});

/** What the public sees of a comment: a hidden or removed one is a placeholder that keeps the thread's shape. */
function publicComment(view: CommentView) {
  const shown = view.status === 'Visible';
  return {
    commentId: view.commentId,
    parentCommentId: view.parentCommentId,
    postedAt: view.postedAt,
    status: view.status,
    authorId: shown ? view.authorId : null,
    text: shown ? view.text : null,
  };
}

/** What the topic's moderators see: everything, with the reports against it and its review. */
function moderatedComment(view: CommentView) {
  return { ...publicComment(view), authorId: view.authorId, text: view.text, reports: view.reports, review: view.review };
}

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/topics')
export class TopicCommentsHttpController {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  @Get(':topicId/comments')
  @ApiOperation({
    summary:
      "A page of a topic's comments, oldest first: hidden and removed ones as placeholders, in full with their reports to the topic's moderators",
  })
  async list(
    @Param('topicId') topicId: string,
    @CurrentPrincipal() principal: Principal,
    @ZodQuery(topicCommentsQuery) query: z.output<typeof topicCommentsQuery>,
  ) {
    const { events } = await this.infrastructure.eventStore.readStream(topicStreamId(topicId));
    const topic = fold(
      topicDecider,
      events.map((e) => toDomainEvent<TopicEvent>(e)),
    );
    if (topic.status === 'None') throw new DomainError('TOPIC.NOT_FOUND', `no topic ${topicId}`);
    const moderator = authorityCovers(principal, cityTree().placeOfCommunity(topic.communityId), OFFICER_ROLES);
    const [rows, total] = await this.infrastructure.dataSource.getRepository(CommentView).findAndCount({
      where: { topicId },
      order: { postedAt: 'ASC', commentId: 'ASC' },
      skip: query.offset,
      take: query.limit,
    });
    return {
      topicId,
      moderator,
      total,
      limit: query.limit,
      offset: query.offset,
      items: rows.map(moderator ? moderatedComment : publicComment),
    };
  }
}
