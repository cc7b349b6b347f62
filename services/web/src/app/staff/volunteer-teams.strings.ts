import type { Bilingual } from '../strings';

// Words of community volunteer teams (志愿服务队) and their leaders (志愿队队长): the staff screen and the resident's
// points page. zh-CN first; `en` must carry every key.
export const VOLUNTEER_TEAMS_ZH = {
  tabVolunteerTeams: '志愿服务队',
  teamsIntro: '组建社区志愿服务队，从愿意担任队长、等级也够的居民中挑选队长。居民随时可以卸任或退出，队伍会等你任命新队长。',
  teamsCommunity: '社区',
  teamsPoolTitle: '可以担任队长的居民',
  teamsPoolEmpty: '还没有居民愿意并且等级够担任队长。居民在「我的积分」里打开「志愿服务队长」后会出现在这里。',
  teamsPoolMember: '{name}（{level}）',
  teamsResidentUnnamed: '一位居民',
  teamsListTitle: '本社区的志愿服务队',
  teamsNone: '还没有志愿服务队。',
  teamsName: '队名',
  teamsPurpose: '做什么',
  teamsLeader: '队长',
  teamsNoLeader: '待任命',
  teamsChangeLeader: '更换队长',
  teamsAppointLeader: '任命队长',
  teamsAppointFor: '「{team}」的新队长',
  teamsAppointSend: '任命',
  teamsAppointed: '已任命{name}为「{team}」的队长。',
  teamsFormTitle: '组建志愿服务队',
  teamsFormLeader: '队长（从上面的居民中挑选）',
  teamsFormNoLeader: '暂不任命',
  teamsFormSend: '组建',
  teamsFormed: '「{name}」已组建。',
  myTeamTitle: '我带领的志愿服务队',
  myTeamLeads: '你是「{team}」的队长。',
  myTeamStepDown: '卸任队长',
  myTeamSteppedDown: '你已卸任队长，社区会另请队长。',
  myTeamOptOutNote: '关闭「志愿服务队长」也会同时卸任。',
  communityTeamsTitle: '本社区的志愿服务队',
  communityTeamLed: '「{team}」 · 队长：{name}',
  communityTeamWaiting: '「{team}」 · 队长待任命',
};

export const VOLUNTEER_TEAMS_EN: Record<keyof typeof VOLUNTEER_TEAMS_ZH, string> = {
  tabVolunteerTeams: 'Volunteer teams',
  teamsIntro:
    "Form the community's volunteer teams and pick each leader from the residents who are willing to lead and whose level allows it. A leader may step down or withdraw at any time; the team then waits for you to appoint another.",
  teamsCommunity: 'Community',
  teamsPoolTitle: 'Residents who can lead a team',
  teamsPoolEmpty:
    'No resident is both willing and at the level to lead a team yet. Residents appear here once they switch on "Volunteer team leader" on their points page.',
  teamsPoolMember: '{name} ({level})',
  teamsResidentUnnamed: 'A resident',
  teamsListTitle: "The community's volunteer teams",
  teamsNone: 'No volunteer teams yet.',
  teamsName: 'Team name',
  teamsPurpose: 'What it does',
  teamsLeader: 'Leader',
  teamsNoLeader: 'To be appointed',
  teamsChangeLeader: 'Change leader',
  teamsAppointLeader: 'Appoint a leader',
  teamsAppointFor: 'New leader of "{team}"',
  teamsAppointSend: 'Appoint',
  teamsAppointed: '{name} now leads "{team}".',
  teamsFormTitle: 'Form a volunteer team',
  teamsFormLeader: 'Leader (pick from the residents above)',
  teamsFormNoLeader: 'Appoint later',
  teamsFormSend: 'Form the team',
  teamsFormed: '"{name}" is formed.',
  myTeamTitle: 'The volunteer team I lead',
  myTeamLeads: 'You lead "{team}".',
  myTeamStepDown: 'Step down as leader',
  myTeamSteppedDown: 'You have stepped down; the community will ask someone else to lead.',
  myTeamOptOutNote: 'Switching off "Volunteer team leader" also steps you down.',
  communityTeamsTitle: "Our community's volunteer teams",
  communityTeamLed: '"{team}" · leader: {name}',
  communityTeamWaiting: '"{team}" · leader to be appointed',
};

/** The refusals a volunteer team's appointment can meet, in the reader's words. */
export const VOLUNTEER_TEAM_ERROR_MESSAGES: Record<string, Bilingual> = {
  'VOLUNTEER_ROLE.NOT_OPTED_IN': {
    zh: '这位居民没有表示愿意担任，只能从愿意的居民中挑选。',
    en: 'This resident has not offered to serve; pick someone who has.',
  },
  'VOLUNTEER_ROLE.PRIVILEGE_MISSING': {
    zh: '这位居民的等级还没有解锁这项权限。',
    en: "This resident's level does not unlock this yet.",
  },
  'VOLUNTEER_TEAM.NAME_TAKEN': {
    zh: '本社区已经有同名的志愿服务队了，请换一个名字。',
    en: 'The community already has a team of this name; choose another.',
  },
  'VOLUNTEER_TEAM.ALREADY_LEADS': {
    zh: '这位居民已经是另一支队伍的队长了，一人只带一支队伍。',
    en: 'This resident already leads another team; one resident leads one team.',
  },
  'VOLUNTEER_TEAM.NOT_LEADER': { zh: '你不是这支队伍的队长。', en: 'You do not lead this team.' },
};
