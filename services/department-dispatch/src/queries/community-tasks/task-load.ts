import type { CommunityTaskView } from '../../read-models/community-task-view.entity';

export interface SourceLoad {
  readonly departmentId: string;
  readonly open: number;
  readonly overdue: number;
  readonly total: number;
}

/** What a community carries for the departments above it: what is open, what is late, and who pushed it. */
export interface CommunityLoad {
  readonly communityId: string;
  readonly open: number;
  readonly overdue: number;
  /** Open and due within the next seven days. */
  readonly dueWithinWeek: number;
  readonly done: number;
  readonly doneLate: number;
  /** Most open tasks first, then most overdue, then most pushed. */
  readonly bySource: readonly SourceLoad[];
}

const WEEK_MS = 7 * 24 * 3_600_000;

/** The load of one community from its tasks, as of `now`. */
export function loadOf(communityId: string, tasks: readonly CommunityTaskView[], now: Date): CommunityLoad {
  const at = now.getTime();
  const isOpen = (t: CommunityTaskView) => t.completedAt === null;
  const isOverdue = (t: CommunityTaskView) => isOpen(t) && Date.parse(t.dueAt) < at;
  const sources = new Map<string, { open: number; overdue: number; total: number }>();
  for (const task of tasks) {
    const source = sources.get(task.sourceDepartmentId) ?? { open: 0, overdue: 0, total: 0 };
    source.total += 1;
    if (isOpen(task)) source.open += 1;
    if (isOverdue(task)) source.overdue += 1;
    sources.set(task.sourceDepartmentId, source);
  }
  return {
    communityId,
    open: tasks.filter(isOpen).length,
    overdue: tasks.filter(isOverdue).length,
    dueWithinWeek: tasks.filter((t) => isOpen(t) && Date.parse(t.dueAt) >= at && Date.parse(t.dueAt) <= at + WEEK_MS).length,
    done: tasks.filter((t) => !isOpen(t)).length,
    doneLate: tasks.filter((t) => t.completedWithinDeadline === false).length,
    bySource: [...sources]
      .map(([departmentId, load]) => ({ departmentId, ...load }))
      .sort((a, b) => b.open - a.open || b.overdue - a.overdue || b.total - a.total || a.departmentId.localeCompare(b.departmentId)),
  };
}
