/**
 * UI strings. zh-Hans is the source of truth for keys; the other languages must carry
 * the same keys (a unit test checks this).
 */
import zhHans from './zh-Hans.json' with { type: 'json' };
import zhHant from './zh-Hant.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };

export type MessageKey = keyof typeof zhHans;
export type LanguageCode = 'zh-Hans' | 'zh-Hant' | 'en';

export const LANGUAGES: Record<LanguageCode, Record<string, string>> = { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en };

let current: LanguageCode = 'zh-Hans';

export const isLanguage = (code: string | null | undefined): code is LanguageCode =>
  code === 'zh-Hans' || code === 'zh-Hant' || code === 'en';

export const setLanguage = (code: LanguageCode): void => {
  current = code;
};

export const language = (): LanguageCode => current;

/** t('tile.updatedOn', { date }) → "10月3日 更新" */
export const t = (key: MessageKey, params?: Record<string, string | number>): string => {
  const template = LANGUAGES[current][key] ?? zhHans[key];
  return params
    ? template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
    : template;
};
