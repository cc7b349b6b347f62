import { z } from 'zod';
import { defineEvent } from '../../registry';
import { id, text } from '../fields';
import { service, topicId } from './shared';

// Discussion and its moderation. Stream comment-<commentId>.

const reportReason = z.enum(['spam', 'offensive', 'off_topic']);

export const CommentPosted = defineEvent({
  service,
  type: 'CommentPosted',
  version: 1,
  summary: 'A comment on a topic in discussion, possibly a reply (threaded). Stream: comment-<commentId>.',
  schema: z.object({ commentId: id, topicId, parentCommentId: id.nullable(), authorId: id, text }),
});

export const ContentReported = defineEvent({
  service,
  type: 'ContentReported',
  version: 1,
  summary: 'A resident reported a comment (spam, offensive, off-topic).',
  schema: z.object({ commentId: id, topicId, reporterId: id, reason: reportReason, reportCount: z.number().int().positive() }),
});

export const ContentHidden = defineEvent({
  service,
  type: 'ContentHidden',
  version: 1,
  summary: 'A comment was hidden after 3 reports, pending review.',
  schema: z.object({ commentId: id, topicId, reportCount: z.number().int().positive() }),
});

export const ContentReviewed = defineEvent({
  service,
  type: 'ContentReviewed',
  version: 1,
  summary: 'A moderator restored or removed a reported comment, with a reason.',
  schema: z.object({ commentId: id, topicId, outcome: z.enum(['restored', 'removed']), reason: text, reviewerId: id }),
});
