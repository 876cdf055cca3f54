/**
 * The 10-foot look, authored at 1920×1080 (the SDK scales to 720p). Sizes in multiples
 * of 3 px survive the 2/3 scaling; all text colours keep ≥ 7:1 contrast on the background.
 *
 * Two switches of the villager's settings change the look: large text (every text size and
 * the layouts built on them × LARGE_TEXT_SCALE) and high contrast (black, white and yellow).
 * They are set once at boot, before any template is built; changing them restarts the app.
 */
import type { SectionId } from '../feed/taxonomy';

export const FONT = 'SanwuSans';
/** The Traditional forms the base font lacks (static/fonts/sanwu-sans-hant.woff2). */
export const FONT_HANT = 'SanwuSansHant';

export const SCREEN = { w: 1920, h: 1080 } as const;
/** 5% safe area: TVs crop their picture's border. */
export const SAFE = { x: 96, y: 54, w: 1920 - 192, h: 1080 - 108 } as const;

/** WeChat's care mode and ui.md: about 1.4× in large-text mode. */
export const LARGE_TEXT_SCALE = 1.4;

export interface Look {
  largeText: boolean;
  highContrast: boolean;
  /** Traditional boxes draw with the supplement font as a fallback. */
  traditional: boolean;
}

let look: Look = { largeText: false, highContrast: false, traditional: false };

export const setLook = (value: Look): void => {
  look = { ...value };
};

export const currentLook = (): Look => look;

/** The font families text is drawn with, in fallback order. */
export const fontFaces = (): string[] => (look.traditional ? [FONT, FONT_HANT] : [FONT]);

/** The text scale: 1, or LARGE_TEXT_SCALE in large-text mode. */
export const textScale = (): number => (look.largeText ? LARGE_TEXT_SCALE : 1);

/** A layout length that grows with the text, rounded to 3 px so it survives 720p. */
export const px = (length: number): number => Math.round((length * textScale()) / 3) * 3;

/** An object whose values are read through `pick` each time, so they follow the look. */
const live = <K extends string>(keys: readonly K[], pick: (key: K) => number): Record<K, number> => {
  const out = {} as Record<K, number>;
  for (const key of keys) Object.defineProperty(out, key, { get: () => pick(key), enumerable: true });
  return out;
};

const BASE_TYPE = {
  body: 36,
  small: 32,
  /** Secondary lines on tiles and cards. */
  tiny: 28,
  row: 36,
  tile: 40,
  title: 48,
  heading: 60,
  figure: 54,
  amount: 66,
} as const;

export const TYPE = live(Object.keys(BASE_TYPE) as (keyof typeof BASE_TYPE)[], (key) =>
  Math.round(BASE_TYPE[key] * textScale()),
);

export const LINE_HEIGHT = 1.45;

/** The height of one line of text of a size, as the text patches set it. */
export const lineOf = (size: number): number => Math.round(size * LINE_HEIGHT);

const NORMAL = {
  background: 0xff0b1a2a,
  panel: 0xff14283d,
  panelFocused: 0xff1f3d5c,
  text: 0xffffffff,
  textSecondary: 0xffd3dee9,
  focus: 0xffffd54a,
  // Pale enough for 7:1 on the lightest panel they sit on (a focused row, a table header).
  income: 0xffa8f2c2,
  expense: 0xffffcab5,
  overdue: 0xffffc8c0,
  warning: 0xffffd98a,
  corrected: 0xffbcdcff,
  scrim: 0xe6000000,
  rule: 0x66ffffff,
  bar: 0xcc06111d,
  header: 0xff23415f,
  overdueFill: 0xff5c1a1a,
  /** Home's emergency-broadcast button: a deep red that keeps white text above 7:1. */
  emergencyFill: 0xff9e1c1c,
};

/** Black ground, white and yellow text; panels keep a visible white edge. */
const HIGH_CONTRAST: typeof NORMAL = {
  background: 0xff000000,
  panel: 0xff000000,
  panelFocused: 0xff262626,
  text: 0xffffffff,
  textSecondary: 0xffffff00,
  focus: 0xffffff00,
  income: 0xff66ff66,
  expense: 0xffffaa66,
  overdue: 0xffff6666,
  warning: 0xffffff00,
  corrected: 0xff66ccff,
  scrim: 0xf0000000,
  rule: 0xffffffff,
  bar: 0xff000000,
  header: 0xff333333,
  overdueFill: 0xff000000,
  emergencyFill: 0xff000000,
};

export const COLOR = live(
  Object.keys(NORMAL) as (keyof typeof NORMAL)[],
  (key) => (look.highContrast ? HIGH_CONTRAST : NORMAL)[key],
);

/** Each section's colour, the fill of its selected tab: white names on them keep at least 5:1. */
export const SECTION_ACCENT: Record<SectionId, number> = {
  district: 0xff2f6fb5,
  street: 0xff1b7a63,
  village: 0xffc0392b,
  household: 0xff7d5eb3,
};

export const ALERT_COLOR: Record<1 | 2 | 3 | 4, number> = {
  1: 0xffd32f2f,
  2: 0xffef6c00,
  3: 0xfff9a825,
  4: 0xff1e63c8,
};

/** The alert levels' colours as text on the dark panels (the fills above are too dark to read as text). */
export const ALERT_TEXT_COLOR: Record<1 | 2 | 3 | 4, number> = {
  1: 0xffffc0b8,
  2: 0xffffc98a,
  3: 0xffffe699,
  4: 0xffbcdcff,
};

/**
 * One focus look on every screen: a thick light outline and a slight scale-up, never colour
 * alone. High contrast thickens the outline and draws a thin white edge round every panel.
 */
export const FOCUS = {
  get border(): number {
    return look.highContrast ? 9 : 6;
  },
  get edge(): number {
    return look.highContrast ? 3 : 0;
  },
  scale: 1.04,
  durationSec: 0.12,
};

/** A full-screen dimmed layer under an overlay (a dialog, an alert), at the given depth. */
export const fullScreenScrim = (zIndex: number) => ({ w: 1920, h: 1080, rect: true, color: COLOR.scrim, zIndex });
