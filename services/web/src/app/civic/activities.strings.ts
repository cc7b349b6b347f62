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

/** The refusals of sign-up, in the reader's words; the opening time is the one the activity shows. */
export const ACTIVITY_ERROR_MESSAGES = {
  'ACTIVITY.SIGN_UP_NOT_OPEN': {
    zh: '报名还没有开始，请在活动写明的报名时间之后再来。',
    en: 'Sign-up has not opened yet; come back from the time shown.',
  },
  'ACTIVITY.FULL': { zh: '名额已满，下次早点来。', en: 'All places are taken.' },
  'ACTIVITY.ALREADY_SIGNED_UP': { zh: '你已经报过名了。', en: 'You have signed up already.' },
  'ACTIVITY.STARTED': { zh: '活动已经开始，不能再报名。', en: 'The activity has started; sign-up is closed.' },
};
