/**
 * 精准推送: which open topics and coming council meetings fit a resident, each with its reasons in plain
 * Chinese and English. Pure: the profile, the candidates and the time come in; nothing is looked up.
 *
 * Fit: the item is in the resident's community (an item of another grid of the community only when it
 * matches an interest or the profession); it concerns one of the resident's interests (a small keyword map
 * over the title and text); it concerns the resident's profession (teacher → schools, doctor → health …);
 * its meeting falls in one of the resident's free times (China time). A council meeting outside every
 * stated free time is left out: the point of recommending it is that the resident can go. A topic of an interest group
 * (兴趣社团) goes to the group's members alone, with the group as its reason ("因为您加入了太极拳社").
 */

export const CATEGORIES = [
  'education',
  'health',
  'elderly',
  'children',
  'environment',
  'traffic',
  'safety',
  'housing',
  'rules',
  'culture',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const PROFESSIONS = ['teacher', 'doctor', 'nurse', 'engineer', 'lawyer', 'social_worker', 'police', 'other'] as const;
export type Profession = (typeof PROFESSIONS)[number];

export const FREE_TIMES = [
  'weekday_mornings',
  'weekday_afternoons',
  'weekday_evenings',
  'weekend_mornings',
  'weekend_afternoons',
  'weekend_evenings',
] as const;
export type FreeTime = (typeof FREE_TIMES)[number];

/** What each category is called in a reason, and the words (lower case) that put a text in it. */
export const CATEGORY_MAP: Readonly<Record<Category, { zh: string; en: string; keywords: readonly string[] }>> = {
  education: {
    zh: '学校',
    en: 'schools',
    keywords: ['学校', '教育', '学生', '小学', '中学', '幼儿园', '上学', '放学', '课堂', '家长', 'school', 'education', 'student', 'pupil'],
  },
  health: {
    zh: '健康',
    en: 'health',
    keywords: ['健康', '医疗', '医院', '卫生服务', '诊所', '体检', '义诊', '疫苗', '看病', '药', 'health', 'clinic', 'medical', 'doctor'],
  },
  elderly: { zh: '养老', en: 'older residents', keywords: ['老人', '老年', '养老', '助餐', '适老', '独居', 'elderly', 'senior'] },
  children: { zh: '儿童', en: 'children', keywords: ['儿童', '孩子', '托育', '托管', '游乐', 'children', 'kids', 'playground'] },
  environment: {
    zh: '环境',
    en: 'the environment',
    keywords: ['垃圾', '分类', '绿化', '环境', '噪音', '污染', '花园', 'garbage', 'recycling', 'green', 'noise'],
  },
  traffic: {
    zh: '停车与交通',
    en: 'parking and traffic',
    keywords: ['停车', '交通', '充电', '非机动车', '电瓶车', '拥堵', 'parking', 'traffic', 'charging'],
  },
  safety: { zh: '安全', en: 'safety', keywords: ['安全', '消防', '监控', '路灯', '照明', '防盗', 'safety', 'fire', 'lighting'] },
  housing: {
    zh: '房屋与设施',
    en: 'buildings and facilities',
    keywords: ['电梯', '楼道', '屋顶', '漏水', '维修', '改造', '管道', '外墙', 'elevator', 'lift', 'repair', 'renovation'],
  },
  rules: {
    zh: '公约与纠纷',
    en: 'rules and disputes',
    keywords: ['公约', '纠纷', '物业', '合同', '规约', '调解', 'dispute', 'agreement', 'contract'],
  },
  culture: {
    zh: '文体活动',
    en: 'culture and sports',
    keywords: ['文化', '文体', '活动室', '健身', '广场舞', '读书', '体育', 'culture', 'sports', 'library'],
  },
};

/** The categories a profession knows best: teacher → schools, doctor → health … */
export const PROFESSION_MAP: Readonly<Record<Profession, { zh: string; en: string; categories: readonly Category[] }>> = {
  teacher: { zh: '教师', en: 'a teacher', categories: ['education', 'children'] },
  doctor: { zh: '医生', en: 'a doctor', categories: ['health', 'elderly'] },
  nurse: { zh: '护士', en: 'a nurse', categories: ['health', 'elderly'] },
  engineer: { zh: '工程师', en: 'an engineer', categories: ['housing', 'safety'] },
  lawyer: { zh: '律师', en: 'a lawyer', categories: ['rules'] },
  social_worker: { zh: '社工', en: 'a social worker', categories: ['elderly', 'children'] },
  police: { zh: '警察', en: 'a police officer', categories: ['safety', 'traffic'] },
  other: { zh: '其他', en: 'other', categories: [] },
};

export const FREE_TIME_LABELS: Readonly<Record<FreeTime, { zh: string; en: string }>> = {
  weekday_mornings: { zh: '工作日上午', en: 'weekday mornings' },
  weekday_afternoons: { zh: '工作日下午', en: 'weekday afternoons' },
  weekday_evenings: { zh: '工作日晚上', en: 'weekday evenings' },
  weekend_mornings: { zh: '周末上午', en: 'weekend mornings' },
  weekend_afternoons: { zh: '周末下午', en: 'weekend afternoons' },
  weekend_evenings: { zh: '周末晚上', en: 'weekend evenings' },
};

export interface ResidentProfileData {
  readonly interests: readonly Category[];
  readonly profession: Profession | null;
  readonly freeTimes: readonly FreeTime[];
}

/** Where the resident lives, from the signed-in principal (not from what the resident types). */
export interface Home {
  readonly communityId: string | null;
  readonly gridId: string | null;
  /** The interest groups the resident joined (ids). */
  readonly groupIds?: readonly string[];
}

export interface Candidate {
  readonly kind: 'topic' | 'meeting';
  readonly id: string;
  readonly communityId: string;
  readonly gridId: string | null;
  readonly title: string;
  readonly text: string;
  /** Topic: Discussion | Voting; meeting: Scheduled. Anything else is never recommended. */
  readonly stage: string;
  readonly meetingAt: string | null;
  readonly closesAt: string | null;
  /** A topic of an interest group: for its members alone. */
  readonly group?: { readonly groupId: string; readonly name: string } | null;
}

export interface Reason {
  readonly code: 'grid' | 'community' | 'group' | 'interest' | 'profession' | 'free_time';
  readonly zh: string;
  readonly en: string;
}

export interface Recommendation {
  readonly kind: Candidate['kind'];
  readonly id: string;
  readonly title: string;
  readonly stage: string;
  readonly meetingAt: string | null;
  readonly closesAt: string | null;
  readonly score: number;
  readonly reasons: readonly Reason[];
}

export const WEIGHTS = { grid: 3, community: 1, group: 4, interest: 2, profession: 3, freeTime: 2 } as const;

/** The categories a text falls in, in the map's order. */
export function categoriesOf(text: string): Category[] {
  const lower = text.toLowerCase();
  return CATEGORIES.filter((c) => CATEGORY_MAP[c].keywords.some((k) => lower.includes(k)));
}

const CHINA_OFFSET_MS = 8 * 3_600_000;
const WEEKDAYS_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The free-time window an instant falls in, China time (mornings 08–12, afternoons 12–18, evenings 18–22); null at night. */
export function freeTimeOf(at: string): FreeTime | null {
  const local = new Date(Date.parse(at) + CHINA_OFFSET_MS);
  const day = local.getUTCDay();
  const hour = local.getUTCHours();
  const part = hour >= 8 && hour < 12 ? 'mornings' : hour >= 12 && hour < 18 ? 'afternoons' : hour >= 18 && hour < 22 ? 'evenings' : null;
  if (!part) return null;
  return `${day === 0 || day === 6 ? 'weekend' : 'weekday'}_${part}`;
}

function localLabel(at: string): { zh: string; en: string } {
  const local = new Date(Date.parse(at) + CHINA_OFFSET_MS);
  const hhmm = `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
  const md = `${local.getUTCMonth() + 1}月${local.getUTCDate()}日`;
  return {
    zh: `${md}${WEEKDAYS_ZH[local.getUTCDay()]} ${hhmm}`,
    en: `${WEEKDAYS_EN[local.getUTCDay()]} ${local.toISOString().slice(0, 10)} ${hhmm}`,
  };
}

const noun = (kind: Candidate['kind']) =>
  kind === 'topic' ? { zh: '本议题', en: 'this topic' } : { zh: '本次议事会', en: 'this council meeting' };

function isOpen(candidate: Candidate, now: Date): boolean {
  const future = (at: string | null) => at !== null && Date.parse(at) > now.getTime();
  if (candidate.kind === 'meeting') return candidate.stage === 'Scheduled' && future(candidate.meetingAt);
  if (candidate.stage === 'Voting') return future(candidate.closesAt);
  return candidate.stage === 'Discussion';
}

/** Scores one candidate for the resident; null when it does not fit. */
export function scoreCandidate(profile: ResidentProfileData, home: Home, candidate: Candidate, now: Date): Recommendation | null {
  if (!home.communityId || candidate.communityId !== home.communityId || !isOpen(candidate, now)) return null;
  const it = noun(candidate.kind);
  const reasons: Reason[] = [];
  let score = 0;
  if (candidate.group) {
    // Only members take part in a group's topic: recommending it to anyone else would be a door that does not open.
    if (!(home.groupIds ?? []).includes(candidate.group.groupId)) return null;
    score += WEIGHTS.group;
    reasons.push({
      code: 'group',
      zh: `因为您加入了${candidate.group.name}`,
      en: `Because you joined ${candidate.group.name}`,
    });
  }

  const categories = categoriesOf(`${candidate.title}\n${candidate.text}`);
  const interests = categories.filter((c) => profile.interests.includes(c));
  for (const c of interests) {
    score += WEIGHTS.interest;
    reasons.push({
      code: 'interest',
      zh: `因为您关注${CATEGORY_MAP[c].zh}：${it.zh}与${CATEGORY_MAP[c].zh}有关`,
      en: `Because you follow ${CATEGORY_MAP[c].en}: ${it.en} concerns ${CATEGORY_MAP[c].en}`,
    });
  }
  if (profile.profession) {
    const profession = PROFESSION_MAP[profile.profession];
    const known = categories.find((c) => profession.categories.includes(c));
    if (known) {
      score += WEIGHTS.profession;
      reasons.push({
        code: 'profession',
        zh: `因为您是${profession.zh}：${it.zh}与${CATEGORY_MAP[known].zh}有关`,
        en: `Because you are ${profession.en}: ${it.en} concerns ${CATEGORY_MAP[known].en}`,
      });
    }
  }
  const personal = reasons.length > 0;

  const inMyGrid = candidate.gridId !== null && candidate.gridId === home.gridId;
  if (candidate.gridId !== null && !inMyGrid && !personal) return null; // another grid's business, and nothing of mine in it
  if (candidate.group) {
    // The group is the place: its topic is the community's group's, so "your community" would say less.
  } else if (inMyGrid) {
    score += WEIGHTS.grid;
    reasons.unshift({ code: 'grid', zh: `${it.zh}在您所在的网格`, en: `${capitalised(it.en)} is in your grid` });
  } else if (candidate.gridId === null) {
    score += WEIGHTS.community;
    reasons.unshift({ code: 'community', zh: `${it.zh}关乎您所在的社区`, en: `${capitalised(it.en)} concerns your community` });
  }

  if (candidate.meetingAt && Date.parse(candidate.meetingAt) > now.getTime()) {
    const window = freeTimeOf(candidate.meetingAt);
    if (window && profile.freeTimes.includes(window)) {
      score += WEIGHTS.freeTime;
      const when = localLabel(candidate.meetingAt);
      reasons.push({
        code: 'free_time',
        zh: `会议时间（${when.zh}）在您有空的${FREE_TIME_LABELS[window].zh}`,
        en: `The meeting (${when.en}, China time) falls in your free ${FREE_TIME_LABELS[window].en}`,
      });
    } else if (candidate.kind === 'meeting' && profile.freeTimes.length > 0) {
      return null; // the resident said when they can come, and this is not one of those times
    }
  }

  return {
    kind: candidate.kind,
    id: candidate.id,
    title: candidate.title,
    stage: candidate.stage,
    meetingAt: candidate.meetingAt,
    closesAt: candidate.closesAt,
    score,
    reasons,
  };
}

/** The fitting candidates, best first (ties: the sooner meeting or deadline, then id). */
export function recommend(profile: ResidentProfileData, home: Home, candidates: readonly Candidate[], now: Date): Recommendation[] {
  const soonest = (r: Recommendation) =>
    Math.min(...[r.meetingAt, r.closesAt].filter((t): t is string => t !== null).map(Date.parse), Number.MAX_SAFE_INTEGER);
  return candidates
    .map((c) => scoreCandidate(profile, home, c, now))
    .filter((r): r is Recommendation => r !== null)
    .sort((a, b) => b.score - a.score || soonest(a) - soonest(b) || a.id.localeCompare(b.id));
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
