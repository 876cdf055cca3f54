/**
 * Lays long text out into lines and pages once, with the real font, so the reader can
 * show "page 2 of 7" and never builds a text texture taller than a box's GPU allows.
 */
import { tokenizeChinese } from './chineseTokenizer';

export interface Measure {
  (text: string): number;
}

/** Wraps one paragraph into lines no wider than `width`. */
export const wrapParagraph = (paragraph: string, width: number, measure: Measure, indent = ''): string[] => {
  const lines: string[] = [];
  let line = indent;
  for (const token of tokenizeChinese(paragraph)) {
    if (line !== '' && line !== indent && measure(line + token) > width) {
      lines.push(line.trimEnd());
      line = token === ' ' ? '' : token;
    } else {
      line += token;
    }
    // A single token wider than the line (a long number) is cut where it must be.
    while (measure(line) > width && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && measure(line.slice(0, cut)) > width) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line.trim()) lines.push(line);
  return lines;
};

/** Paragraphs → pages of at most `linesPerPage` lines, with a blank line between paragraphs. */
export const paginate = (paragraphs: string[], width: number, linesPerPage: number, measure: Measure): string[][] => {
  const lines: string[] = [];
  paragraphs.forEach((p, i) => {
    if (i > 0) lines.push('');
    lines.push(...wrapParagraph(p, width, measure, '\u3000\u3000'));
  });
  const pages: string[][] = [];
  for (let start = 0; start < lines.length; start += linesPerPage) {
    const page = lines.slice(start, start + linesPerPage);
    // A page never starts with the blank line between paragraphs.
    if (page[0] === '' && page.length > 1) page.shift();
    pages.push(page);
  }
  return pages.length ? pages : [[]];
};

/** A measure function using a 2D canvas with the app's font. */
export const canvasMeasure = (font: string, size: number): Measure => {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) throw new Error('2D canvas unavailable');
  context.font = `${size}px ${font}`;
  const cache = new Map<string, number>();
  return (text) => {
    let width = cache.get(text);
    if (width === undefined) {
      width = context.measureText(text).width;
      if (cache.size > 5000) cache.clear();
      cache.set(text, width);
    }
    return width;
  };
};
