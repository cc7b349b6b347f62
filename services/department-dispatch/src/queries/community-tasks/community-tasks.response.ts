import { z } from 'zod';

const count = z.number().int().nonnegative();

const communityLoad = z.object({
  communityId: z.string(),
  open: count,
  overdue: count,
  dueWithinWeek: count.describe('Open and due within the next seven days.'),
  done: count,
  doneLate: count,
  bySource: z
    .array(z.object({ departmentId: z.string(), open: count, overdue: count, total: count }))
    .describe('Most open tasks first, then most overdue, then most pushed.'),
});

const communityTask = z.object({
  taskId: z.string(),
  communityId: z.string(),
  streetId: z.string(),
  sourceDepartmentId: z.string(),
  title: z.string(),
  pushedAt: z.string(),
  dueAt: z.string(),
  completedAt: z.string().nullable(),
  completedWithinDeadline: z.boolean().nullable(),
});

/** `GET /api/department-dispatch/communities/{communityId}/tasks`: open tasks first (soonest due), then done ones. */
export const communityTasksAnswer = z.object({ load: communityLoad, tasks: z.array(communityTask) });

/** `GET /api/department-dispatch/streets/{streetId}/task-load`: each community's load, heaviest first. */
export const streetTaskLoadAnswer = z.object({ streetId: z.string(), communities: z.array(communityLoad) });

/** `GET /api/department-dispatch/departments/{departmentId}/community-tasks`: what a department pushed down, newest first. */
export const pushedTasksAnswer = z.object({ tasks: z.array(communityTask) });
