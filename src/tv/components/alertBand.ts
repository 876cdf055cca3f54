/**
 * How a warning looks in the reader: a band in its level's colour, a warning triangle and the
 * level in words (蓝色预警), so it is told by shape and word as well as colour. The ink on
 * each colour is the one that keeps 4.5:1 for the band's large bold text.
 */
import { Lightning } from '@lightningjs/sdk';
import { ALERT_COLOR, px, TYPE } from '../theme';
import { text } from './text';

type Level = 1 | 2 | 3 | 4;

/** White on red and blue, near-black on orange and yellow: 4.5:1 or more each. */
export const ALERT_INK: Record<Level, number> = { 1: 0xffffffff, 2: 0xff111111, 3: 0xff111111, 4: 0xffffffff };

/** A warning triangle with its exclamation mark, drawn once per size and colours (no font glyph needed). */
const triangle = (size: number, ink: number, mark: number) => {
  const css = (argb: number) => `rgb(${(argb >>> 16) & 255}, ${(argb >>> 8) & 255}, ${argb & 255})`;
  return Lightning.Tools.getCanvasTexture((cb) => {
    // A canvas of its own: the platform's drawing canvas is shared with text (boot/textCanvas.ts).
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const g = canvas.getContext('2d');
    if (!g) return cb(new Error('2D canvas unavailable'));
    g.fillStyle = css(ink);
    g.beginPath();
    g.moveTo(size / 2, size * 0.04);
    g.lineTo(size * 0.98, size * 0.94);
    g.lineTo(size * 0.02, size * 0.94);
    g.closePath();
    g.fill();
    g.fillStyle = css(mark);
    g.fillRect(size * 0.445, size * 0.32, size * 0.11, size * 0.34);
    g.fillRect(size * 0.445, size * 0.72, size * 0.11, size * 0.11);
    cb(null, canvas);
  }, `alert-triangle-${size}-${ink}-${mark}`);
};

export const alertBandHeight = (): number => Math.round(TYPE.heading * 1.45) + px(16);

/** The band's patch for one alert, `width` wide: colour, icon and words. */
export const alertBand = (level: Level, label: string, width: number) => {
  const h = alertBandHeight();
  const icon = Math.round(TYPE.heading * 1.1);
  return {
    visible: true,
    w: width,
    h,
    color: ALERT_COLOR[level],
    Icon: {
      x: px(18),
      y: (h - icon) / 2,
      w: icon,
      h: icon,
      texture: triangle(icon, ALERT_INK[level], ALERT_COLOR[level]),
    },
    Label: {
      x: px(30) + icon,
      y: (h - Math.round(TYPE.heading * 1.45)) / 2,
      ...text(label, {
        size: TYPE.heading,
        bold: true,
        color: ALERT_INK[level],
        width: width - icon - px(48),
        maxLines: 1,
      }),
    },
  };
};
