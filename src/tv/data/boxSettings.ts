/**
 * The villager's settings: read-aloud, large text, high contrast and the UI language.
 * Defaults come from settings.json → platformSettings; the box remembers changes (SDK Storage).
 */
import { Storage } from '@lightningjs/sdk';
import { isLanguage, type LanguageCode } from '../../i18n';
import type { PlatformSettings } from './config';

export interface BoxSettings {
  readAloud: boolean;
  largeText: boolean;
  highContrast: boolean;
  language: LanguageCode;
}

const KEY = 'settings';

export const defaultSettings = (platform: PlatformSettings): BoxSettings => ({
  readAloud: platform.readAloud === true,
  largeText: platform.largeText === true,
  highContrast: platform.highContrast === true,
  language: isLanguage(platform.language) ? platform.language : 'zh-Hans',
});

/** The remembered settings over the defaults; anything unreadable falls back to its default. */
export const rememberedSettings = (defaults: BoxSettings): BoxSettings => {
  const saved = Storage.get(KEY) as Partial<Record<keyof BoxSettings, unknown>> | null;
  if (!saved || typeof saved !== 'object') return defaults;
  const flag = (value: unknown, fallback: boolean) => (typeof value === 'boolean' ? value : fallback);
  return {
    readAloud: flag(saved.readAloud, defaults.readAloud),
    largeText: flag(saved.largeText, defaults.largeText),
    highContrast: flag(saved.highContrast, defaults.highContrast),
    language: typeof saved.language === 'string' && isLanguage(saved.language) ? saved.language : defaults.language,
  };
};

export const rememberSettings = (settings: BoxSettings): void => {
  Storage.set(KEY, settings);
};
