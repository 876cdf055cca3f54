/**
 * The one focus look: a thick yellow outline plus a slight scale-up (never colour alone),
 * and in high contrast a thin white edge round every focusable panel.
 */
import { Lightning } from '@lightningjs/sdk';
import { COLOR, FOCUS } from '../theme';

/** A panel's thin white edge in high contrast; nothing otherwise. */
export const edge = (w: number, h: number, radius = 6) =>
  FOCUS.edge ? { Edge: { texture: Lightning.Tools.getRoundRect(w, h, radius, FOCUS.edge, COLOR.text, false) } } : {};

/** Children for a focusable box of w×h: its edge and its hidden outline. */
export const frame = (w: number, h: number, radius = 6) => ({
  ...edge(w, h, radius),
  Outline: { alpha: 0, texture: Lightning.Tools.getRoundRect(w, h, radius, FOCUS.border, COLOR.focus, false) },
});

/** The patch that shows or hides the focus on a framed box. */
export const focusLook = (focused: boolean) => ({
  smooth: { scale: [focused ? FOCUS.scale : 1, { duration: FOCUS.durationSec }] as [number, { duration: number }] },
  color: focused ? COLOR.panelFocused : COLOR.panel,
  Outline: { alpha: focused ? 1 : 0 },
});
