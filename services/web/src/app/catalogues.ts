import { ACCOUNT_EN, ACCOUNT_ZH } from './account/strings';
import { BUILDINGS_EN, BUILDINGS_ZH } from './civic/buildings.strings';
import { CONTESTS_EN, CONTESTS_ZH } from './contests/contests.strings';
import { GROUPS_EN, GROUPS_ZH } from './civic/groups.strings';
import { MEETING_RECORD_EN, MEETING_RECORD_ZH } from './civic/meeting-record.strings';
import { DASHBOARD_EN, DASHBOARD_ZH } from './dashboard/strings';
import { FADING_EN, FADING_ZH } from './fading.strings';
import { EVALUATION_EN, EVALUATION_ZH } from './evaluation/strings';
import { OFFLINE_EN, OFFLINE_ZH } from './offline/strings';
import { PEOPLE_EN, PEOPLE_ZH } from './people/people.strings';
import { PHONE_EN, PHONE_ZH } from './resident/phone.strings';
import { PRIVILEGES_EN, PRIVILEGES_ZH } from './resident/privileges.strings';
import { ACTIVITIES_EN, ACTIVITIES_ZH } from './civic/activities.strings';
import { CO_SIGNING_EN, CO_SIGNING_ZH } from './resident/co-signing.strings';
import { RESIDENT_EN, RESIDENT_ZH } from './resident/strings';
import { GRID_REGISTER_EN, GRID_REGISTER_ZH } from './staff/grid-register.strings';
import { STAFF_EN, STAFF_ZH } from './staff/strings';
import { VOLUNTEER_TEAMS_EN, VOLUNTEER_TEAMS_ZH } from './staff/volunteer-teams.strings';
import { COMMON_EN, COMMON_ZH } from './strings';

/**
 * The words of each face, one catalogue per face (strings next to its screens). The app merges them into one
 * dictionary, so a key may live in only one of them: strings.spec.ts checks every catalogue listed here.
 */
export const CATALOGUES = {
  common: { zh: COMMON_ZH, en: COMMON_EN },
  resident: { zh: RESIDENT_ZH, en: RESIDENT_EN },
  staff: { zh: STAFF_ZH, en: STAFF_EN },
  dashboard: { zh: DASHBOARD_ZH, en: DASHBOARD_EN },
  meetingRecord: { zh: MEETING_RECORD_ZH, en: MEETING_RECORD_EN },
  offline: { zh: OFFLINE_ZH, en: OFFLINE_EN },
  phone: { zh: PHONE_ZH, en: PHONE_EN },
  buildings: { zh: BUILDINGS_ZH, en: BUILDINGS_EN },
  contests: { zh: CONTESTS_ZH, en: CONTESTS_EN },
  groups: { zh: GROUPS_ZH, en: GROUPS_EN },
  account: { zh: ACCOUNT_ZH, en: ACCOUNT_EN },
  gridRegister: { zh: GRID_REGISTER_ZH, en: GRID_REGISTER_EN },
  privileges: { zh: PRIVILEGES_ZH, en: PRIVILEGES_EN },
  activities: { zh: ACTIVITIES_ZH, en: ACTIVITIES_EN },
  coSigning: { zh: CO_SIGNING_ZH, en: CO_SIGNING_EN },
  fading: { zh: FADING_ZH, en: FADING_EN },
  people: { zh: PEOPLE_ZH, en: PEOPLE_EN },
  evaluation: { zh: EVALUATION_ZH, en: EVALUATION_EN },
  volunteerTeams: { zh: VOLUNTEER_TEAMS_ZH, en: VOLUNTEER_TEAMS_EN },
};
