import type { EntityManager } from 'typeorm';
import { publicEvents, TOPICS, type PublicEvent } from '@gongzhi/contracts';
import type { ConsumerDefinition } from '@gongzhi/messaging';
import { CommentView } from './comment-view.entity';

/** Keeps every comment of every topic with the reports against it and its review, for the topic page and its moderators. */
export const commentsProjector: ConsumerDefinition<PublicEvent> & { entities: readonly unknown[] } = {
  name: 'deliberation.comments',
  topics: [TOPICS.deliberation],
  parser: publicEvents,
  entities: [CommentView],
  handle: (event, manager) => project(event, manager),
};

async function change(manager: EntityManager, commentId: string, update: (view: CommentView) => Partial<CommentView>): Promise<void> {
  const view = await manager.findOneBy(CommentView, { commentId });
  if (view) await manager.save(CommentView, { ...view, ...update(view) });
}

async function project(event: PublicEvent, manager: EntityManager): Promise<void> {
  switch (event.type) {
    case 'CommentPosted': {
      const { commentId, topicId, parentCommentId, authorId, text } = event.data;
      // Redelivery of the same event must not wipe the reports kept since.
      if (await manager.existsBy(CommentView, { commentId })) return;
      await manager.save(CommentView, {
        commentId,
        topicId,
        parentCommentId,
        authorId,
        text,
        status: 'Visible',
        postedAt: event.occurredAt,
        reports: [],
        review: null,
      });
      return;
    }
    case 'ContentReported': {
      const { commentId, reporterId, reason } = event.data;
      return change(manager, commentId, (view) =>
        view.reports.some((r) => r.reporterId === reporterId)
          ? {}
          : { reports: [...view.reports, { reporterId, reason, at: event.occurredAt }] },
      );
    }
    case 'ContentHidden':
      return change(manager, event.data.commentId, () => ({ status: 'Hidden' }));
    case 'ContentReviewed': {
      const { commentId, outcome, reason, reviewerId } = event.data;
      return change(manager, commentId, () => ({
        status: outcome === 'restored' ? 'Visible' : 'Removed',
        review: { outcome, reason, reviewerId, at: event.occurredAt },
      }));
    }
    default:
      return;
  }
}
