import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@gongzhi/persistence';

export interface CommentReport {
  readonly reporterId: string;
  readonly reason: 'spam' | 'offensive' | 'off_topic';
  readonly at: string;
}

export interface CommentReview {
  readonly outcome: 'restored' | 'removed';
  readonly reason: string;
  readonly reviewerId: string;
  readonly at: string;
}

/** A topic's comments with their moderation, kept from this service's own events. */
@Entity('dl_comment_views')
@Index(['topicId', 'postedAt', 'commentId'])
export class CommentView {
  @PrimaryColumn('varchar', { name: 'comment_id', length: 100 }) commentId!: string;
  @Column('varchar', { name: 'topic_id', length: 100 }) topicId!: string;
  @Column('varchar', { name: 'parent_comment_id', length: 100, nullable: true }) parentCommentId!: string | null;
  @Column('varchar', { name: 'author_id', length: 100 }) authorId!: string;
  @Column('text') text!: string;
  @Column('varchar', { length: 10 }) status!: 'Visible' | 'Hidden' | 'Removed';
  @InstantColumn({ name: 'posted_at', length: 40 }) postedAt!: string;
  @Column('simple-json') reports!: CommentReport[];
  @Column('simple-json', { nullable: true }) review!: CommentReview | null;
}
