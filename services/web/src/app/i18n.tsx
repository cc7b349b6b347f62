import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
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
import { CO_SIGNING_EN, CO_SIGNING_ZH } from './resident/co-signing.strings';
import { RESIDENT_EN, RESIDENT_ZH } from './resident/strings';
import { GRID_REGISTER_EN, GRID_REGISTER_ZH } from './staff/grid-register.strings';
import { STAFF_EN, STAFF_ZH } from './staff/strings';
import { COMMON_EN, COMMON_ZH, type Bilingual } from './strings';

export type Lang = 'zh' | 'en';
export type { Bilingual };

// One catalogue per face (strings.ts next to each face's screens); every key is in exactly one of them.
const zh = {
  ...COMMON_ZH,
  ...RESIDENT_ZH,
  ...STAFF_ZH,
  ...DASHBOARD_ZH,
  ...MEETING_RECORD_ZH,
  ...OFFLINE_ZH,
  ...PHONE_ZH,
  ...BUILDINGS_ZH,
  ...CONTESTS_ZH,
  ...GROUPS_ZH,
  ...ACCOUNT_ZH,
  ...GRID_REGISTER_ZH,
  ...PRIVILEGES_ZH,
  ...CO_SIGNING_ZH,
  ...FADING_ZH,
  ...PEOPLE_ZH,
  ...EVALUATION_ZH,
};

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  ...COMMON_EN,
  ...RESIDENT_EN,
  ...STAFF_EN,
  ...DASHBOARD_EN,
  ...MEETING_RECORD_EN,
  ...OFFLINE_EN,
  ...PHONE_EN,
  ...BUILDINGS_EN,
  ...CONTESTS_EN,
  ...GROUPS_EN,
  ...ACCOUNT_EN,
  ...GRID_REGISTER_EN,
  ...PRIVILEGES_EN,
  ...CO_SIGNING_EN,
  ...FADING_EN,
  ...PEOPLE_EN,
  ...EVALUATION_EN,
};

const dictionaries: Record<Lang, Record<MessageKey, string>> = { zh, en };

type I18n = {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  name: (bilingual: Bilingual | null | undefined, fallback?: string) => string;
  dateTime: (iso: string | null | undefined) => string;
  day: (iso: string) => string;
};

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Lang>(() => (localStorage.getItem('gongzhi.lang') === 'en' ? 'en' : 'zh'));
  useEffect(() => {
    localStorage.setItem('gongzhi.lang', lang);
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = dictionaries[lang].documentTitle;
  }, [lang]);
  const value = useMemo<I18n>(() => {
    const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
    const timeFormat = new Intl.DateTimeFormat(locale, {
      timeZone: 'Asia/Shanghai',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
    const dayFormat = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'numeric', day: 'numeric' });
    return {
      lang,
      setLang,
      t: (key, values) =>
        Object.entries(values ?? {}).reduce((text, [name, v]) => text.replaceAll(`{${name}}`, String(v)), dictionaries[lang][key]),
      name: (bilingual, fallback = '') => (bilingual ? bilingual[lang] || bilingual.zh : fallback),
      dateTime: (iso) => (iso ? timeFormat.format(new Date(iso)) : dictionaries[lang].none),
      day: (iso) => dayFormat.format(new Date(`${iso}T00:00:00Z`)),
    };
  }, [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
