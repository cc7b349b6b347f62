// Commands to a task a department pushes down to a community (上面千条线，下面一根针): plain data, decided by
// community-task.decider.ts. Who acts (their department or community) comes in the decision context.

/** By staff of the source department, for a community the registry knows. */
export interface PushCommunityTask {
  readonly type: 'PushCommunityTask';
  readonly data: {
    readonly taskId: string;
    readonly communityId: string;
    readonly streetId: string;
    readonly sourceDepartmentId: string;
    readonly title: string;
    readonly dueAt: string;
  };
}

/** By an officer of the community the task was pushed to. */
export interface CompleteCommunityTask {
  readonly type: 'CompleteCommunityTask';
  readonly data: { readonly note: string };
}

export type CommunityTaskCommand = PushCommunityTask | CompleteCommunityTask;
