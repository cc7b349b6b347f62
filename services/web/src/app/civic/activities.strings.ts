// Words of community activities and early sign-up (活动报名, 优先报名). zh-CN first; `en` must carry every key.
export const ACTIVITIES_ZH = {
  activitiesTitle: '社区活动报名',
  activitiesEmpty: '近期还没有活动。',
  activityWhen: '{startsAt} 开始 · 剩余 {placesLeft} / {capacity} 个名额',
  activityOpensAt: '报名时间：{opensAt} 起',
  activityEarlyForYou: '您的等级可以提前报名（报名开始前 {hours} 小时内）',
  activitySignUp: '报名',
  activitySignedUp: '报名成功',
  activityFull: '名额已满',
};

export const ACTIVITIES_EN: Record<keyof typeof ACTIVITIES_ZH, string> = {
  activitiesTitle: 'Community activities',
  activitiesEmpty: 'No activities coming up yet.',
  activityWhen: 'Starts {startsAt} · {placesLeft} of {capacity} places left',
  activityOpensAt: 'Sign-up opens {opensAt}',
  activityEarlyForYou: 'Your level lets you sign up early (up to {hours} hours before sign-up opens)',
  activitySignUp: 'Sign up',
  activitySignedUp: 'You are signed up',
  activityFull: 'Full',
};
