/**
 * What this box is: its feed and its language, from the platform settings, overridden by URL
 * parameters (?feed=…&lang=…), else remembered on the box (the language as chosen in
 * settings). Its village has an owner of its own: village.ts.
 */
import { isLanguage, type LanguageCode } from '../../i18n';

export interface BoxConfig {
  feedUrl: string;
  language: LanguageCode;
  inspector: boolean;
  /** The publisher's Ed25519 public key (base64): manifests it did not sign are refused. */
  publicKey: string | null;
}

export interface PlatformSettings {
  feedUrl?: string;
  village?: string;
  language?: string;
  feedPublicKey?: string;
  readAloud?: boolean;
  largeText?: boolean;
  highContrast?: boolean;
  [key: string]: unknown;
}

/** Where the feed is: ?feed= (for tests and support staff), else the settings, else /feed/. */
export const feedUrlOf = (platform: PlatformSettings, search: string): string => new URLSearchParams(search).get('feed') ?? platform.feedUrl ?? '/feed/';

/** `chosenLanguage` is the villager's setting (itself defaulting to platform.language). */
export const readBoxConfig = (platform: PlatformSettings, search: string, chosenLanguage: LanguageCode): BoxConfig => {
  const params = new URLSearchParams(search);
  const language = params.get('lang') ?? chosenLanguage;
  return {
    feedUrl: feedUrlOf(platform, search),
    language: isLanguage(language) ? language : 'zh-Hans',
    inspector: params.get('inspector') === '1',
    publicKey: platform.feedPublicKey ?? null,
  };
};
