/**
 * The 10-foot look, authored at 1920×1080 (the SDK scales to 720p). Sizes in multiples
 * of 3 px survive the 2/3 scaling; all text colours keep ≥ 7:1 contrast on the background.
 */
import type { SectionId } from '../feed/taxonomy';

export const FONT = 'SanwuSans';

export const SCREEN = { w: 1920, h: 1080 } as const;
/** 5% safe area: TVs crop their picture's border. */
export const SAFE = { x: 96, y: 54, w: 1920 - 192, h: 1080 - 108 } as const;

export const TYPE = {
  body: 36,
  small: 32,
  row: 36,
  title: 48,
  heading: 60,
  figure: 54,
} as const;

export const LINE_HEIGHT = 1.45;

export const COLOR = {
  background: 0xff0b1a2a,
  panel: 0xff14283d,
  panelFocused: 0xff1f3d5c,
  text: 0xffffffff,
  textSecondary: 0xffc9d6e3,
  focus: 0xffffd54a,
  income: 0xff7fe0a0,
  expense: 0xffffa98a,
  overdue: 0xffff8a80,
  warning: 0xffffcc66,
  corrected: 0xff9fd0ff,
  scrim: 0xe6000000,
} as const;

export const SECTION_ACCENT: Record<SectionId, number> = {
  district: 0xff2f6fb5,
  street: 0xff1f8a70,
  village: 0xffc0392b,
  household: 0xff8e6bbf,
};

export const ALERT_COLOR: Record<1 | 2 | 3 | 4, number> = {
  1: 0xffd32f2f,
  2: 0xffef6c00,
  3: 0xfff9a825,
  4: 0xff1e63c8,
};

/** One focus look on every screen: a thick light outline and a slight scale-up. */
export const FOCUS = { border: 6, scale: 1.04, durationSec: 0.12 } as const;
