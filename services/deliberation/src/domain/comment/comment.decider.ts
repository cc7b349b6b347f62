import { DomainError, type DecisionContext, type Decider } from '@gongzhi/eventsourcing';
import { assertOfficerOf, assertVerifiedResidentOf, type Caller } from '../caller';
import type { ContractDomainEvent } from '@gongzhi/contracts';

/** A comment on a topic (threaded by parentCommentId) and its moderation. Stream: comment-<commentId>. */
export type CommentCommand =
  | { type: 'PostComment'; data: { commentId: string; topicId: string; parentCommentId: string | null; text: string } }
  | { type: 'ReportComment'; data: { reason: 'spam' | 'offensive' | 'off_topic' } }
  | { type: 'ReviewComment'; data: { outcome: 'restored' | 'removed'; reason: string } };

export type CommentEvent = ContractDomainEvent<'CommentPosted'> | ContractDomainEvent<'ContentReported'> | ContractDomainEvent<'ContentHidden'> | ContractDomainEvent<'ContentReviewed'>;

export type CommentState =
  | { readonly status: 'None' }
  | {
      readonly status: 'Visible' | 'Hidden' | 'Removed';
      readonly commentId: string;
      readonly topicId: string;
      readonly reporters: readonly string[];
      readonly reviewed: boolean;
    };

export interface CommentContext extends DecisionContext {
  readonly caller: Caller;
  /** The community of the comment's topic: its verified residents report, its officers moderate. */
  readonly topicCommunityId: string;
}

/** Reports that hide a comment until a moderator reviews it. */
export const HIDE_AFTER_REPORTS = 3;

function decide(command: CommentCommand, state: CommentState, { caller, topicCommunityId }: CommentContext): CommentEvent[] {
  if (command.type === 'PostComment') {
    if (state.status !== 'None') throw new DomainError('COMMENT.ALREADY_EXISTS', 'this comment exists');
    return [{ type: 'CommentPosted', data: { ...command.data, authorId: caller.subject } }];
  }
  if (state.status === 'None') throw new DomainError('COMMENT.NOT_FOUND', 'no such comment');
  const { commentId, topicId } = state;
  switch (command.type) {
    case 'ReportComment': {
      // Verified residents only, one report each: fresh accounts or outsiders cannot hide a comment.
      assertVerifiedResidentOf(caller, topicCommunityId, 'COMMENT.FORBIDDEN');
      if (state.status === 'Removed') throw new DomainError('COMMENT.REMOVED', 'this comment was removed');
      if (state.reporters.includes(caller.subject)) throw new DomainError('COMMENT.ALREADY_REPORTED', 'you reported this comment already');
      const reportCount = state.reporters.length + 1;
      const reported: CommentEvent = { type: 'ContentReported', data: { commentId, topicId, reporterId: caller.subject, reason: command.data.reason, reportCount } };
      // A comment a moderator restored stays up; new reports are kept for the record.
      const hide = state.status === 'Visible' && !state.reviewed && reportCount >= HIDE_AFTER_REPORTS;
      return hide ? [reported, { type: 'ContentHidden', data: { commentId, topicId, reportCount } }] : [reported];
    }
    case 'ReviewComment':
      assertOfficerOf(caller, topicCommunityId, 'COMMENT.FORBIDDEN');
      if (state.status !== 'Hidden') throw new DomainError('COMMENT.NOT_PENDING_REVIEW', `the comment is ${state.status}, not hidden pending review`);
      return [{ type: 'ContentReviewed', data: { commentId, topicId, outcome: command.data.outcome, reason: command.data.reason, reviewerId: caller.subject } }];
    default: {
      const unhandled: never = command;
      throw new Error(`unhandled command ${JSON.stringify(unhandled)}`);
    }
  }
}

function evolve(state: CommentState, event: CommentEvent): CommentState {
  switch (event.type) {
    case 'CommentPosted':
      return { status: 'Visible', commentId: event.data.commentId, topicId: event.data.topicId, reporters: [], reviewed: false };
    case 'ContentReported':
      return state.status === 'None' ? state : { ...state, reporters: [...state.reporters, event.data.reporterId] };
    case 'ContentHidden':
      return state.status === 'None' ? state : { ...state, status: 'Hidden' };
    case 'ContentReviewed':
      return state.status === 'None' ? state : { ...state, status: event.data.outcome === 'restored' ? 'Visible' : 'Removed', reviewed: true };
    default: {
      const unhandled: never = event;
      throw new Error(`unhandled event ${JSON.stringify(unhandled)}`);
    }
  }
}

export const commentDecider: Decider<CommentState, CommentCommand, CommentEvent, CommentContext> = {
  decide,
  evolve,
  initialState: () => ({ status: 'None' }),
};

export const commentStreamId = (commentId: string) => `comment-${commentId}`;
