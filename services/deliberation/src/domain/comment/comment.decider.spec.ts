import { SYSTEM_ACTOR } from '@gongzhi/eventsourcing';
import { deciderSpec } from '@gongzhi/testing';
import type { Caller } from '../caller';
import { commentDecider, type CommentCommand, type CommentEvent } from './comment.decider';

const resident = (n: number): Caller => ({ subject: `r-${n}`, roles: ['resident'], scope: { communityId: 'c' }, verification: 'verified' });
const officer: Caller = { subject: 'o-1', roles: ['community_officer'], scope: { communityId: 'c' }, verification: 'verified' };
/** The steps of the shared spec, answering nothing: a test that is one expression returns no value to jest. */
const voidOf = (decision: { then(expected: readonly CommentEvent[]): unknown; thenThrows(code: string): unknown }) => ({
  then: (expected: readonly CommentEvent[]): void => void decision.then(expected),
  thenThrows: (code: string): void => void decision.thenThrows(code),
});
const spec = deciderSpec(commentDecider, { actor: SYSTEM_ACTOR, caller: officer, topicCommunityId: 'c' });
const given = (events: CommentEvent[]) => ({
  when: (command: CommentCommand, caller: Caller) => voidOf(spec.given(events).when(command, { caller })),
});

const posted: CommentEvent = {
  type: 'CommentPosted',
  data: { commentId: 'k-1', topicId: 't-1', parentCommentId: null, authorId: 'r-9', text: '广告' },
};
const report = (n: number): CommentEvent => ({
  type: 'ContentReported',
  data: { commentId: 'k-1', topicId: 't-1', reporterId: `r-${n}`, reason: 'spam', reportCount: n },
});
const hidden: CommentEvent = { type: 'ContentHidden', data: { commentId: 'k-1', topicId: 't-1', reportCount: 3 } };
const spam: CommentCommand = { type: 'ReportComment', data: { reason: 'spam' } };

describe('comment moderation', () => {
  describe('when visible', () => {
    it('counts reports and hides the comment at the third, pending review', () => {
      given([posted])
        .when(spam, resident(1))
        .then([report(1)]);
      given([posted, report(1), report(2)])
        .when(spam, resident(3))
        .then([report(3), hidden]);
    });

    it("takes reports only from verified residents of the topic's community", () => {
      const unverified: Caller = { ...resident(1), verification: 'unverified' };
      const outsider: Caller = { ...resident(2), scope: { communityId: 'elsewhere' } };
      for (const caller of [unverified, outsider, officer]) {
        given([posted]).when(spam, caller).thenThrows('COMMENT.FORBIDDEN');
      }
    });

    it('takes one report per resident', () => {
      given([posted, report(1)])
        .when(spam, resident(1))
        .thenThrows('COMMENT.ALREADY_REPORTED');
    });
  });

  describe('when hidden', () => {
    const history = [posted, report(1), report(2), report(3), hidden];

    it('is restored or removed by a moderator with a reason', () => {
      given(history)
        .when({ type: 'ReviewComment', data: { outcome: 'removed', reason: '广告信息' } }, officer)
        .then([
          {
            type: 'ContentReviewed',
            data: { commentId: 'k-1', topicId: 't-1', outcome: 'removed', reason: '广告信息', reviewerId: 'o-1' },
          },
        ]);
      const elsewhere: Caller = { ...officer, scope: { communityId: 'elsewhere' } };
      for (const caller of [resident(5), elsewhere]) {
        given(history)
          .when({ type: 'ReviewComment', data: { outcome: 'restored', reason: 'x' } }, caller)
          .thenThrows('COMMENT.FORBIDDEN');
      }
    });

    it('stays up after a restore, whatever the later reports', () => {
      const restored: CommentEvent = {
        type: 'ContentReviewed',
        data: { commentId: 'k-1', topicId: 't-1', outcome: 'restored', reason: '正常意见', reviewerId: 'o-1' },
      };
      given([...history, restored])
        .when(spam, resident(4))
        .then([{ ...report(4) }]);
    });
  });
});
