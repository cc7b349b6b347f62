import { z } from 'zod';

export const pushCommunityTaskRequest = z.object({
  communityId: z.string().trim().min(1, 'required').max(100),
  title: z.string().trim().min(1, 'required').max(200),
  dueAt: z.iso.datetime({ offset: true, message: 'a date and time with its offset, e.g. 2026-12-10T17:00:00+08:00' }),
});

export type PushCommunityTaskRequest = z.output<typeof pushCommunityTaskRequest>;
