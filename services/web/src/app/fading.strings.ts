// Words of fading material rewards (逐步淡化物质激励): the schedule residents read, the figure on the city dashboard.
export const FADING_ZH = {
  rewardScheduleTitle: '奖励变化预告',
  rewardScheduleIntro: '积分规则的变化都会提前公布。变化日之前的参与照旧得积分，之后按新规则。日期均为北京时间。',
  rewardScheduleNone: '目前没有公布的奖励变化。',
  rewardScheduleFrom: '{day} 起',
  rewardSchedulePoints: '每次 {points} 积分',
  rewardScheduleHonour: '不再积分，改为荣誉：{honour}',
  rewardScheduleAnnounced: '已公布，尚未开始',
  rewardScheduleInForce: '正在执行',
  rewardScheduleEnded: '已结束',
  incentiveTitle: '激励依赖度',
  incentiveExplanation:
    '本月的参与中，有多少是拿了积分的。这个比例越低、参与人次不减，说明居民不为积分也愿意参与。没得积分的参与包括改发荣誉的和超过每日上限的。',
  incentiveWhat: '这个数字说明什么？',
  incentiveMonth: '{year}年{month}月',
  incentiveLine: '得积分 {rewarded} 次 · 没得积分 {unrewarded} 次 · 得积分占 ',
  incentiveNone: '本月还没有参与记录。',
};

export const FADING_EN: Record<keyof typeof FADING_ZH, string> = {
  rewardScheduleTitle: 'Reward changes announced',
  rewardScheduleIntro:
    'Every change of the point rules is announced ahead. Taking part before the day of a change still earns its points; after it, the new rule applies. Dates are Beijing time.',
  rewardScheduleNone: 'No change of rewards has been announced.',
  rewardScheduleFrom: 'From {day}',
  rewardSchedulePoints: '{points} points each time',
  rewardScheduleHonour: 'no more points; an honour instead: {honour}',
  rewardScheduleAnnounced: 'announced, not yet started',
  rewardScheduleInForce: 'in force',
  rewardScheduleEnded: 'ended',
  incentiveTitle: 'Incentive dependency',
  incentiveExplanation:
    'Of this month’s participation, how much earned points. A lower share with steady participation means residents take part without being paid. Participation without points includes honours instead of points and taking part beyond the daily cap.',
  incentiveWhat: 'What does this figure tell?',
  incentiveMonth: '{year}-{month}',
  incentiveLine: '{rewarded} with points · {unrewarded} without · share with points ',
  incentiveNone: 'No participation recorded this month yet.',
};
