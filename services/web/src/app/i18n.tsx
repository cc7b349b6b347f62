import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { CATALOGUES } from './catalogues';
import type { Bilingual } from './strings';

export type Lang = 'zh' | 'en';
export type { Bilingual };

// One catalogue per face (catalogues.ts); every key is in exactly one of them (strings.spec.ts).
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type Zh = UnionToIntersection<(typeof CATALOGUES)[keyof typeof CATALOGUES]['zh']>;

export type MessageKey = keyof Zh;

const zh = Object.assign({}, ...Object.values(CATALOGUES).map((catalogue) => catalogue.zh)) as Record<MessageKey, string>;
const en = Object.assign({}, ...Object.values(CATALOGUES).map((catalogue) => catalogue.en)) as Record<MessageKey, string>;

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
