// Words of the interest groups page (兴趣社团) and its "recommended for you" list. zh-CN first; `en` carries every key.
export const GROUPS_ZH = {
  tabGroups: '兴趣社团',
  groupsIntro: '加入感兴趣的社团，社团的议题只由社员商量和投票。',
  groupsRecommended: '为您推荐',
  groupsRecommendedNone: '暂时没有推荐。加入社团后，社团的议题会出现在这里。',
  groupsMine: '我加入的社团',
  groupsMineNone: '您还没有加入社团。',
  groupsAll: '本社区的社团',
  groupsAllNone: '本社区还没有社团。',
  groupsMembers: '{n} 位社员',
  groupsJoin: '加入{name}',
  groupsLeave: '退出{name}',
  groupsJoined: '已加入',
  groupsJoinedNotice: '您已加入{name}。',
  groupsLeftNotice: '您已退出{name}。',
};

export const GROUPS_EN: Record<keyof typeof GROUPS_ZH, string> = {
  tabGroups: 'Interest groups',
  groupsIntro: "Join the groups you care about: a group's own topics are discussed and voted on by its members.",
  groupsRecommended: 'Recommended for you',
  groupsRecommendedNone: 'Nothing to recommend yet. Once you join a group, its topics show here.',
  groupsMine: 'My groups',
  groupsMineNone: 'You have not joined a group yet.',
  groupsAll: 'Groups of my community',
  groupsAllNone: 'Your community has no groups yet.',
  groupsMembers: '{n} members',
  groupsJoin: 'Join {name}',
  groupsLeave: 'Leave {name}',
  groupsJoined: 'Joined',
  groupsJoinedNotice: 'You joined {name}.',
  groupsLeftNotice: 'You left {name}.',
};
