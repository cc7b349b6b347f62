import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@gongzhi/persistence';

/** One task a department pushed down to a community, and whether the community has done it. */
@Entity('dd_community_tasks')
@Index(['communityId', 'completedAt'])
@Index(['streetId'])
export class CommunityTaskView {
  @PrimaryColumn('varchar', { name: 'task_id', length: 100 })
  taskId!: string;

  @Column('varchar', { name: 'community_id', length: 100 })
  communityId!: string;

  @Column('varchar', { name: 'street_id', length: 100 })
  streetId!: string;

  @Column('varchar', { name: 'source_department_id', length: 100 })
  sourceDepartmentId!: string;

  @Column('varchar', { length: 200 })
  title!: string;

  @InstantColumn({ name: 'pushed_at' })
  pushedAt!: string;

  @InstantColumn({ name: 'due_at' })
  dueAt!: string;

  @InstantColumn({ name: 'completed_at', nullable: true })
  completedAt!: string | null;

  @Column('boolean', { name: 'completed_within_deadline', nullable: true })
  completedWithinDeadline!: boolean | null;
}
