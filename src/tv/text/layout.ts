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

/**
 * The words of officials' and contacts' titles, so a title breaks between them (村务监督委员会 /
 * 主任) and never inside one (委员 / 会主任). Matched longest first; characters no word covers
 * stay with the word before them.
 */
const TITLE_WORDS = [
  '村务监督委员会',
  '村民委员会',
  '居民委员会',
  '监督委员会',
  '委员会',
  '党总支',
  '党支部',
  '党委',
  '村委会',
  '居委会',
  '副书记',
  '书记',
  '副主任',
  '主任',
  '委员',
  '妇联',
  '主席',
  '报账员',
  '会计',
  '网格员',
  '文书',
  '副组长',
  '组长',
  '成员',
  '办公电话',
  '值班室',
  '民兵连长',
  '治保主任',
  '综合治理',
  '人民调解',
].sort((a, b) => b.length - a.length);
/** After these a title may break; the bracket pairs it never breaks inside. */
const TITLE_BREAK_AFTER = '、，；：,;: ';
const PAIRS: Record<string, string> = { '（': '）', '(': ')', '「': '」', '《': '》', '【': '】', '“': '”' };
/** Punctuation that never starts a line: it stays with the word before. */
const NO_LINE_START_TITLE = '。！？）》」』】”…·';

/** A title as the pieces a line may break between: words, punctuation kept with the word before, whole bracket pairs. */
export const titleTokens = (title: string): string[] => {
  const chars = Array.from(title);
  const tokens: string[] = [];
  let word = '';
  const flush = () => {
    if (word) tokens.push(word);
    word = '';
  };
  for (let i = 0; i < chars.length;) {
    const ch = chars[i]!;
    const close = PAIRS[ch];
    if (close) {
      // A bracket pair is one piece, with any punctuation that follows it.
      const end = chars.indexOf(close, i + 1);
      const last = end < 0 ? chars.length - 1 : end;
      flush();
      word = chars.slice(i, last + 1).join('');
      i = last + 1;
      continue;
    }
    if (TITLE_BREAK_AFTER.includes(ch) || NO_LINE_START_TITLE.includes(ch)) {
      word += ch;
      if (TITLE_BREAK_AFTER.includes(ch)) flush();
      i += 1;
      continue;
    }
    const rest = chars.slice(i).join('');
    const known = TITLE_WORDS.find((w) => rest.startsWith(w));
    if (known) {
      flush();
      word = known;
      i += Array.from(known).length;
      continue;
    }
    // Not a known word: it stays with what came before.
    word += ch;
    i += 1;
  }
  flush();
  return tokens;
};
/**
 * Lays a title out in at most `maxLines` lines, breaking only between its pieces (titleTokens).
 * If it does not fit, the last line ends in … (the whole title is then shown one key away).
 */
export const wrapTitle = (
  title: string,
  width: number,
  measure: Measure,
  maxLines: number,
): { lines: string[]; cut: boolean } => {
  const lines: string[] = [];
  let line = '';
  const tokens = titleTokens(title);
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k]!;
    if (line && measure(line + token) > width) {
      lines.push(line.trimEnd());
      line = '';
      if (lines.length === maxLines)
        return { lines: ellipsize(lines, [lines.pop()!, ...tokens.slice(k)].join(''), width, measure), cut: true };
    }
    line += token;
  }
  if (line) lines.push(line.trimEnd());
  if (lines.length === 1 && measure(lines[0]!) > width)
    return { lines: ellipsize([], lines[0]!, width, measure), cut: true };
  // A single piece wider than the line (rare: a long unknown word) is cut, never broken.
  const tooWide = lines.findIndex((l) => measure(l) > width);
  if (tooWide >= 0)
    return { lines: ellipsize(lines.slice(0, tooWide), lines.slice(tooWide).join(''), width, measure), cut: true };
  return { lines, cut: false };
};

/** `lines`, then `rest` cut to one line ending in …: after a whole piece where one fits, else inside the first. */
const ellipsize = (lines: string[], rest: string, width: number, measure: Measure): string[] => {
  let kept = '';
  for (const token of titleTokens(rest)) {
    if (measure(`${kept}${token}…`) > width) break;
    kept += token;
  }
  if (!kept) {
    const chars = Array.from(rest);
    let n = chars.length;
    while (n > 0 && measure(`${chars.slice(0, n).join('')}…`) > width) n--;
    kept = chars.slice(0, n).join('');
  }
  return [...lines, `${kept.trimEnd()}…`];
};
