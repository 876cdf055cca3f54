/**
 * The console's words: its own translation files, and the TV app's for what both name (the
 * sub-channels). Simplified Chinese by default, English beside it; the choice is remembered.
 */
import zhHans from './i18n/zh-Hans.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };
import tvZhHans from '../i18n/zh-Hans.json' with { type: 'json' };
import tvEn from '../i18n/en.json' with { type: 'json' };

export type ConsoleLanguage = 'zh-Hans' | 'en';
export type ConsoleKey = keyof typeof zhHans;

const WORDS: Record<ConsoleLanguage, Record<string, string>> = {
  'zh-Hans': { ...tvZhHans, ...zhHans },
  en: { ...tvEn, ...en },
};
const STORED = 'sanwu.console.language';

export const initialLanguage = (): ConsoleLanguage => (localStorage.getItem(STORED) === 'en' ? 'en' : 'zh-Hans');

export const rememberLanguage = (language: ConsoleLanguage) => localStorage.setItem(STORED, language);

/** A translator for one language: t('dashboard.toReview', { count: 3 }). */
export const translator =
  (language: ConsoleLanguage) =>
  (key: ConsoleKey | `channel.${number}`, params?: Record<string, string | number>): string => {
    const template = WORDS[language][key] ?? WORDS['zh-Hans'][key] ?? key;
    return params
      ? template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
      : template;
  };

export type Translate = ReturnType<typeof translator>;
