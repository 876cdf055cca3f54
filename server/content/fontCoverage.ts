/** The characters the box's shipped font can draw, read once from the font file. */
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';

export type Coverage = (codePoint: number) => boolean;

export const loadFontCoverage = (fontFile: string): Coverage => {
  const font = fontkit.create(readFileSync(fontFile)) as fontkit.Font;
  const points = new Set(font.characterSet);
  return (codePoint) => points.has(codePoint);
};
