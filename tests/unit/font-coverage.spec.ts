/**
 * The shipped font (static/fonts/sanwu-sans.woff2, a subset made by `npm run font`) must have a
 * glyph for every character the app shows from its translations (src/i18n/*.json) and from the
 * sample feed (every JSON file under static/feed/); a Traditional box, which also loads the
 * supplement static/fonts/sanwu-sans-hant.woff2, for that feed converted to Traditional as it
 * converts it. Boxes have no CJK font of their own: a missing glyph is a box or a blank on screen.
 */
import { test, expect } from '@playwright/test';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { create as openFontBuffer, type Font } from 'fontkit';
import { ConverterFactory } from 'opencc-js/core';
import fromCn from 'opencc-js/from/cn';
import toTw from 'opencc-js/to/tw';
import { jsonStrings } from '../../src/feed/jsonWalk';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FONT = join(ROOT, 'static/fonts/sanwu-sans.woff2');
const FONT_WOFF = join(ROOT, 'static/fonts/sanwu-sans.woff');
/** Loaded besides FONT by Traditional boxes: the forms conversion makes that FONT lacks. */
const FONT_HANT = join(ROOT, 'static/fonts/sanwu-sans-hant.woff2');
/** As a Traditional box converts feed text (src/tv/cn2tw.ts). */
const toTraditional = ConverterFactory(fromCn, toTw);
const I18N_DIR = join(ROOT, 'src/i18n');
const FEED_DIR = join(ROOT, 'static/feed');
/** The households' private sample pages, shown on bound boxes. */
const PRIVATE_DIR = join(ROOT, 'static/private');

/** Whitespace, control and format characters (ZWSP, BOM, ...) need no glyph. */
const NO_GLYPH = /[\s\p{Cc}\p{Cf}]/u;

function jsonFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...jsonFilesUnder(p));
    else if (entry.isFile() && entry.name.endsWith('.json')) out.push(p);
  }
  return out.sort();
}

function loadFont(path = FONT): Font {
  expect(existsSync(path), `${relative(ROOT, path)} is missing: run \`npm run font\``).toBe(true);
  const font = openFontBuffer(readFileSync(path));
  expect('numGlyphs' in font, `${relative(ROOT, path)} is a font collection, not one font`).toBe(true);
  return font as Font;
}

/** The fonts a Traditional box draws with, as one: the base, then the supplement. */
const traditionalFonts = (): Pick<Font, 'hasGlyphForCodePoint'> => {
  const fonts = [loadFont(), loadFont(FONT_HANT)];
  return { hasGlyphForCodePoint: (cp: number) => fonts.some((f) => f.hasGlyphForCodePoint(cp)) };
};

/** For each file, the characters without a glyph (in first-seen order). */
function missingGlyphs(
  font: Pick<Font, 'hasGlyphForCodePoint'>,
  files: string[],
  convert = (s: string) => s,
): string[] {
  const report: string[] = [];
  for (const file of files) {
    const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const missing = new Set<string>();
    for (const s of jsonStrings(data).map(convert)) {
      for (const ch of s) {
        if (NO_GLYPH.test(ch) || missing.has(ch)) continue;
        if (!font.hasGlyphForCodePoint(ch.codePointAt(0)!)) missing.add(ch);
      }
    }
    if (missing.size > 0) {
      const list = [...missing].map(
        (ch) => `${ch} (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`,
      );
      report.push(`${relative(ROOT, file)}: ${list.join(' ')}`);
    }
  }
  return report;
}

function explain(report: string[]): string {
  return (
    `the font ${relative(ROOT, FONT)} has no glyph for these characters:\n  ${report.join('\n  ')}\n` +
    'run `npm run font` to rebuild the subset (it reads src/i18n/*.json and static/feed/**/*.json)'
  );
}

test('the shipped font is a WOFF2 subset of WenQuanYi Micro Hei with the GB2312 hanzi', () => {
  const font = loadFont();
  expect(font.type).toBe('WOFF2');
  expect(font.familyName).toBe('WenQuanYi Micro Hei');
  // Spot checks, including the first and last GB2312 hanzi (啊, 齄) and fullwidth punctuation.
  const missing = [...'啊齄三务公开村财政（）《》，。：￥'].filter(
    (ch) => !font.hasGlyphForCodePoint(ch.codePointAt(0)!),
  );
  expect(missing, explain([`built-in set: ${missing.join(' ')}`])).toEqual([]);
});

test('every character of the translations has a glyph in the shipped font', () => {
  const font = loadFont();
  const files = existsSync(I18N_DIR)
    ? readdirSync(I18N_DIR)
        .filter((n) => n.endsWith('.json'))
        .sort()
        .map((n) => join(I18N_DIR, n))
    : [];
  test.info().annotations.push({ type: 'checked', description: `${files.length} translation files` });
  const report = missingGlyphs(font, files);
  expect(report, explain(report)).toEqual([]);
});

test('every character of the sample feed has a glyph in the shipped font', () => {
  const font = loadFont();
  expect(
    existsSync(FEED_DIR) && statSync(FEED_DIR).isDirectory(),
    `the sample feed directory ${relative(ROOT, FEED_DIR)}/ is missing (\`npm run generate:sample\` writes it)`,
  ).toBe(true);
  const files = [...jsonFilesUnder(FEED_DIR), ...jsonFilesUnder(PRIVATE_DIR)];
  expect(files.length, `no JSON files under ${relative(ROOT, FEED_DIR)}/`).toBeGreaterThan(0);
  test.info().annotations.push({ type: 'checked', description: `${files.length} feed files` });
  const report = missingGlyphs(font, files);
  expect(report, explain(report)).toEqual([]);
});

test('every character of the sample feed converted to Traditional has a glyph in the fonts of a Traditional box', () => {
  const files = [...jsonFilesUnder(FEED_DIR), ...jsonFilesUnder(PRIVATE_DIR)];
  expect(files.length, `no JSON files under ${relative(ROOT, FEED_DIR)}/`).toBeGreaterThan(0);
  // The conversion really changes the text: 财务 → 財務.
  expect(toTraditional('财务收支')).toBe('財務收支');
  const report = missingGlyphs(traditionalFonts(), files, toTraditional);
  expect(report, explain(report)).toEqual([]);
});

test('the WOFF copy, for engines without WOFF2, is the same subset', () => {
  const woff2 = loadFont();
  const woff = openFontBuffer(readFileSync(FONT_WOFF));
  expect(readFileSync(FONT_WOFF).subarray(0, 4).toString('latin1')).toBe('wOFF');
  expect('numGlyphs' in woff && woff.numGlyphs).toBe(woff2.numGlyphs);
});
