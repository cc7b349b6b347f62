import { DomainError, SYSTEM_ACTOR } from '@gongzhi/eventsourcing';
import type { Caller } from '../caller';
import { commentDecider, type CommentCommand, type CommentEvent } from './comment.decider';

const now = new Date('2026-11-26T09:00:00.000Z');
const resident = (n: number): Caller => ({ subject: `r-${n}`, roles: ['resident'], scope: { communityId: 'c' }, verification: 'verified' });
const officer: Caller = { subject: 'o-1', roles: ['community_officer'], scope: { communityId: 'c' }, verification: 'verified' };
const decide = (events: CommentEvent[], command: CommentCommand, caller: Caller) =>
  commentDecider.decide(command, events.reduce(commentDecider.evolve, commentDecider.initialState()), { now, actor: SYSTEM_ACTOR, caller, topicCommunityId: 'c' });

const posted: CommentEvent = { type: 'CommentPosted', data: { commentId: 'k-1', topicId: 't-1', parentCommentId: null, authorId: 'r-9', text: '广告' } };
const report = (n: number): CommentEvent => ({ type: 'ContentReported', data: { commentId: 'k-1', topicId: 't-1', reporterId: `r-${n}`, reason: 'spam', reportCount: n } });
const hidden: CommentEvent = { type: 'ContentHidden', data: { commentId: 'k-1', topicId: 't-1', reportCount: 3 } };
const spam: CommentCommand = { type: 'ReportComment', data: { reason: 'spam' } };

describe('comment moderation', () => {
  describe('when visible', () => {
    it('counts reports and hides the comment at the third, pending review', () => {
      expect(decide([posted], spam, resident(1))).toEqual([report(1)]);
      expect(decide([posted, report(1), report(2)], spam, resident(3))).toEqual([report(3), hidden]);
    });

    it("takes reports only from verified residents of the topic's community", () => {
      const unverified: Caller = { ...resident(1), verification: 'unverified' };
      const outsider: Caller = { ...resident(2), scope: { communityId: 'elsewhere' } };
      for (const caller of [unverified, outsider, officer]) {
        expect(() => decide([posted], spam, caller)).toThrow(expect.objectContaining({ code: 'COMMENT.FORBIDDEN' }) as DomainError);
      }
    });

    it('takes one report per resident', () => {
      expect(() => decide([posted, report(1)], spam, resident(1))).toThrow(expect.objectContaining({ code: 'COMMENT.ALREADY_REPORTED' }) as DomainError);
    });
  });

  describe('when hidden', () => {
    const history = [posted, report(1), report(2), report(3), hidden];

    it('is restored or removed by a moderator with a reason', () => {
      expect(decide(history, { type: 'ReviewComment', data: { outcome: 'removed', reason: '广告信息' } }, officer)).toEqual([
        { type: 'ContentReviewed', data: { commentId: 'k-1', topicId: 't-1', outcome: 'removed', reason: '广告信息', reviewerId: 'o-1' } },
      ]);
      const elsewhere: Caller = { ...officer, scope: { communityId: 'elsewhere' } };
      for (const caller of [resident(5), elsewhere]) {
        expect(() => decide(history, { type: 'ReviewComment', data: { outcome: 'restored', reason: 'x' } }, caller)).toThrow(
          expect.objectContaining({ code: 'COMMENT.FORBIDDEN' }) as DomainError,
        );
      }
    });

    it('stays up after a restore, whatever the later reports', () => {
      const restored: CommentEvent = { type: 'ContentReviewed', data: { commentId: 'k-1', topicId: 't-1', outcome: 'restored', reason: '正常意见', reviewerId: 'o-1' } };
      expect(decide([...history, restored], spam, resident(4))).toEqual([{ ...report(4) }]);
    });
  });
});
