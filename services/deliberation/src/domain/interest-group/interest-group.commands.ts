export type CreateInterestGroup = {
  type: 'CreateInterestGroup';
  data: { groupId: string; communityId: string; name: string; description: string };
};
/** The caller joins: nobody joins anyone else, so the command names no resident. */
export type JoinInterestGroup = { type: 'JoinInterestGroup'; data: Record<string, never> };
export type LeaveInterestGroup = { type: 'LeaveInterestGroup'; data: Record<string, never> };

export type InterestGroupCommand = CreateInterestGroup | JoinInterestGroup | LeaveInterestGroup;
