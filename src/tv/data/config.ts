/**
 * What this box is: its feed, its village and its language, from the platform settings,
 * overridden by URL parameters (?village=…&feed=…&lang=…), else remembered on the box
 * (the language as chosen in settings).
 */
import { isLanguage, type LanguageCode } from '../../i18n';

export interface BoxConfig {
  feedUrl: string;
  village: string | null;
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

const VILLAGE_CODE = /^[0-9]{12}$/;

/** Where the feed is: ?feed= (for tests and support staff), else the settings, else /feed/. */
export const feedUrlOf = (platform: PlatformSettings, search: string): string => new URLSearchParams(search).get('feed') ?? platform.feedUrl ?? '/feed/';

/** `chosenLanguage` is the villager's setting (itself defaulting to platform.language). */
export const readBoxConfig = (platform: PlatformSettings, search: string, remembered: string | null, chosenLanguage: LanguageCode): BoxConfig => {
  const params = new URLSearchParams(search);
  const village = [params.get('village'), platform.village, remembered].find((v): v is string => !!v && VILLAGE_CODE.test(v));
  const language = params.get('lang') ?? chosenLanguage;
  return {
    feedUrl: feedUrlOf(platform, search),
    village: village ?? null,
    language: isLanguage(language) ? language : 'zh-Hans',
    inspector: params.get('inspector') === '1',
    publicKey: platform.feedPublicKey ?? null,
  };
};
