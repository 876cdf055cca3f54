/** Canvas helpers shared by the receipt and photo renderers. */
import { existsSync } from 'node:fs';
import { GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';

export const FONT_PATH = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
export const FONT = 'SampleHei';

let registered = false;
/** Registers the CJK font once; without it every hanzi would be drawn as a box. */
export const ensureFont = (): void => {
  if (registered) return;
  if (!existsSync(FONT_PATH)) throw new Error(`${FONT_PATH} is missing: apt-get install -y fonts-wqy-microhei`);
  if (!GlobalFonts.registerFromPath(FONT_PATH, FONT)) throw new Error(`could not register ${FONT_PATH}`);
  registered = true;
};

export const font = (px: number): string => `${px}px ${FONT}`;

/** Draws text no wider than `maxWidth`, shrinking the font when it would overflow. */
export const fitText = (g: SKRSContext2D, text: string, x: number, y: number, px: number, maxWidth: number): void => {
  let size = px;
  g.font = font(size);
  while (size > 12 && g.measureText(text).width > maxWidth) {
    size -= 1;
    g.font = font(size);
  }
  g.fillText(text, x, y);
};

/** A red ink seal: a ring, the owner's name round the top, a star inside, its use below. */
export const drawSeal = (
  g: SKRSContext2D,
  cx: number,
  cy: number,
  opts: { rx: number; ry: number; owner: string; use: string; angle?: number },
): void => {
  const { rx, ry, owner, use } = opts;
  g.save();
  g.translate(cx, cy);
  g.rotate(opts.angle ?? 0);
  g.strokeStyle = 'rgba(204, 36, 36, 0.82)';
  g.fillStyle = 'rgba(204, 36, 36, 0.82)';
  g.lineWidth = 5;
  g.beginPath();
  g.ellipse(0, 0, rx, ry, 0, 0, Math.PI * 2);
  g.stroke();
  const chars = Array.from(owner);
  // The name runs round the top of the ring, as big as fits, never overlapping.
  let px = Math.max(14, Math.min(24, Math.round((rx * 1.9) / Math.max(chars.length, 6))));
  const radius = () => Math.min(rx, ry) - px * 0.9;
  while (px > 12 && (chars.length * px * 1.05) / radius() > Math.PI * 1.3) px -= 1;
  const span = (chars.length * px * 1.05) / radius();
  g.font = font(px);
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  chars.forEach((ch, i) => {
    const a = -Math.PI / 2 - span / 2 + (span * (i + 0.5)) / chars.length;
    g.save();
    g.translate(Math.cos(a) * (rx - px * 0.9), Math.sin(a) * (ry - px * 0.9));
    g.rotate(a + Math.PI / 2);
    g.fillText(ch, 0, 0);
    g.restore();
  });
  drawStar(g, 0, -ry * 0.05, Math.min(rx, ry) * 0.28);
  g.font = font(px);
  g.fillText(use, 0, ry * 0.52);
  g.restore();
};

const drawStar = (g: SKRSContext2D, cx: number, cy: number, r: number): void => {
  g.beginPath();
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 === 0 ? r : r * 0.4;
    g.lineTo(cx + Math.cos(a) * rr, cy + Math.sin(a) * rr);
  }
  g.closePath();
  g.fill();
};
