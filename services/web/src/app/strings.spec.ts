import { ACCOUNT_EN, ACCOUNT_ZH } from './account/strings';
import { BUILDINGS_EN, BUILDINGS_ZH } from './civic/buildings.strings';
import { GROUPS_EN, GROUPS_ZH } from './civic/groups.strings';
import { MEETING_RECORD_EN, MEETING_RECORD_ZH } from './civic/meeting-record.strings';
import { DASHBOARD_EN, DASHBOARD_ZH } from './dashboard/strings';
import { EVALUATION_EN, EVALUATION_ZH } from './evaluation/strings';
import { OFFLINE_EN, OFFLINE_ZH } from './offline/strings';
import { PEOPLE_EN, PEOPLE_ZH } from './people/people.strings';
import { PHONE_EN, PHONE_ZH } from './resident/phone.strings';
import { PRIVILEGES_EN, PRIVILEGES_ZH } from './resident/privileges.strings';
import { RESIDENT_EN, RESIDENT_ZH } from './resident/strings';
import { STAFF_EN, STAFF_ZH } from './staff/strings';
import { COMMON_EN, COMMON_ZH } from './strings';

// The app merges the catalogues into one dictionary, so a key in two of them would silently show one
// face the other face's words; and a placeholder missing in one language shows a reader "{n}".
const CATALOGUES: Record<string, { zh: Record<string, string>; en: Record<string, string> }> = {
  common: { zh: COMMON_ZH, en: COMMON_EN },
  resident: { zh: RESIDENT_ZH, en: RESIDENT_EN },
  staff: { zh: STAFF_ZH, en: STAFF_EN },
  dashboard: { zh: DASHBOARD_ZH, en: DASHBOARD_EN },
  meetingRecord: { zh: MEETING_RECORD_ZH, en: MEETING_RECORD_EN },
  offline: { zh: OFFLINE_ZH, en: OFFLINE_EN },
  phone: { zh: PHONE_ZH, en: PHONE_EN },
  buildings: { zh: BUILDINGS_ZH, en: BUILDINGS_EN },
  groups: { zh: GROUPS_ZH, en: GROUPS_EN },
  account: { zh: ACCOUNT_ZH, en: ACCOUNT_EN },
  privileges: { zh: PRIVILEGES_ZH, en: PRIVILEGES_EN },
  people: { zh: PEOPLE_ZH, en: PEOPLE_EN },
  evaluation: { zh: EVALUATION_ZH, en: EVALUATION_EN },
};
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the words of each face', () => {
  it('keeps every key in exactly one catalogue', () => {
    const homes = new Map<string, string[]>();
    for (const [face, { zh }] of Object.entries(CATALOGUES))
      for (const key of Object.keys(zh)) homes.set(key, [...(homes.get(key) ?? []), face]);

    expect([...homes].filter(([, faces]) => faces.length > 1)).toEqual([]);
  });

  it('says in English everything it says in Chinese, with the same placeholders and no empty words', () => {
    for (const [face, { zh, en }] of Object.entries(CATALOGUES)) {
      expect({ face, keys: Object.keys(en).sort() }).toEqual({ face, keys: Object.keys(zh).sort() });
      for (const key of Object.keys(zh)) {
        expect({ face, key, placeholders: placeholders(en[key]) }).toEqual({ face, key, placeholders: placeholders(zh[key]) });
        expect({ face, key, empty: zh[key].trim() === '' || en[key].trim() === '' }).toEqual({ face, key, empty: false });
      }
    }
  });
});
