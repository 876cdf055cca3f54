/**
 * Builds static/fonts/sanwu-sans.woff2, the same as .woff for engines without WOFF2, and the
 * Traditional supplement sanwu-sans-hant.woff2: a subset of WenQuanYi Micro Hei (Debian's
 * fonts-wqy-microhei, face 0 of wqy-microhei.ttc) covering printable ASCII, common CJK and
 * fullwidth punctuation, the 6763 hanzi of GB2312, and every character used by the translation
 * files (src/i18n/*.json, including zh-Hant.json for the Traditional forms), by the sample
 * feed (every JSON file under static/feed/) and by that feed converted to Traditional Chinese
 * the way a Traditional box converts it (OpenCC, Simplified → Taiwan standard), plus the
 * Traditional forms of every GB2312 hanzi, so that a real feed converted on a box finds its
 * glyphs too. Those Traditional-only forms go into the supplement, loaded by Traditional boxes only. Set-top boxes have no CJK font of their own.
 *
 * Run: npm run font   (npx tsx tools/font/subset.ts)
 *
 * Rerun it whenever a translation or the sample feed gains a character; the unit test
 * tests/unit/font-coverage.spec.ts fails until then.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';
import { create as openFontBuffer } from 'fontkit';
import { ConverterFactory } from 'opencc-js/core';
import fromCn from 'opencc-js/from/cn';
import toTw from 'opencc-js/to/tw';
import { jsonStrings } from '../../src/feed/jsonWalk';

/** The same conversion as a Traditional box's (src/tv/cn2tw.ts). */
const toTraditional = ConverterFactory(fromCn, toTw);

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SOURCE_FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
const SOURCE_FACE = 0; // WenQuanYi Micro Hei (face 1 is the Mono variant)
const SOURCE_COPYRIGHT = '/usr/share/doc/fonts-wqy-microhei/copyright';
const OUT_FONT = join(ROOT, 'static/fonts/sanwu-sans.woff2');
const OUT_FONT_HANT = join(ROOT, 'static/fonts/sanwu-sans-hant.woff2');
const OUT_LICENSE = join(ROOT, 'static/fonts/LICENSE-wqy-microhei.txt');
const I18N_DIR = join(ROOT, 'src/i18n');
const FEED_DIR = join(ROOT, 'static/feed');
/** The households' private sample pages: shown only on bound boxes, in the same font. */
const PRIVATE_DIR = join(ROOT, 'static/private');

const INSTALL_HINT = 'apt-get install -y --no-install-recommends fonts-wqy-microhei';

/** Characters that never need a glyph: whitespace is added explicitly below. */
const NO_GLYPH = /[\s\p{Cc}\p{Cf}]/u;

function fail(message: string): never {
  console.error(`font: ${message}`);
  process.exit(1);
}

/** Printable ASCII plus the spaces that layout needs. */
function asciiAndSpaces(): string {
  let s = '';
  for (let c = 0x20; c <= 0x7e; c++) s += String.fromCharCode(c);
  return s + '\u00a0\u3000';
}

/** CJK, fullwidth and general punctuation and symbols common in Chinese public notices. */
function punctuation(): string {
  let s =
    '，。、；：？！“”‘’（）《》〈〉【】〔〕〖〗「」『』—–―…‥·・•￥¥％‰℃°×÷±≤≥≠≈～' +
    '№§※→←↑↓★☆●○■□▲△◆◇√㎡㎞㎏㎎㎜㎝㏄ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ①②③④⑤⑥⑦⑧⑨⑩' +
    '⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩〇〃々';
  // Fullwidth ASCII forms (！ to ～) and fullwidth currency/signs (￠ to ￦).
  for (let c = 0xff01; c <= 0xff5e; c++) s += String.fromCharCode(c);
  for (let c = 0xffe0; c <= 0xffe6; c++) s += String.fromCharCode(c);
  return s;
}

/** All GB2312 hanzi (rows 16-87), by decoding each 2-byte code. */
function gb2312Hanzi(): string {
  const decoder = new TextDecoder('gb18030');
  let s = '';
  for (let hi = 0xb0; hi <= 0xf7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      // Undefined codes decode to U+FFFD; GBK's unassigned cells (D7FA-D7FE) to private use.
      if (ch === '\ufffd' || /\p{Co}/u.test(ch)) continue;
      s += ch;
    }
  }
  return s;
}

function jsonFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...jsonFilesUnder(p));
    else if (entry.isFile() && entry.name.endsWith('.json')) out.push(p);
  }
  return out.sort();
}

/** Characters used per file, values only (keys are identifiers, not shown on screen). */
function charactersOfJsonFiles(files: string[]): Map<string, Set<string>> {
  const byFile = new Map<string, Set<string>>();
  for (const file of files) {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      fail(`${relative(ROOT, file)} is not valid JSON: ${(e as Error).message}`);
    }
    const chars = new Set<string>();
    for (const s of jsonStrings(data)) for (const ch of s) if (!NO_GLYPH.test(ch)) chars.add(ch);
    byFile.set(relative(ROOT, file), chars);
  }
  return byFile;
}

/** Characters of the feed files' strings once converted to Traditional, per file. */
function traditionalCharactersOf(files: string[]): Map<string, Set<string>> {
  const byFile = new Map<string, Set<string>>();
  for (const file of files) {
    const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const chars = new Set<string>();
    for (const s of jsonStrings(data)) for (const ch of toTraditional(s)) if (!NO_GLYPH.test(ch)) chars.add(ch);
    byFile.set(`${relative(ROOT, file)} (Traditional)`, chars);
  }
  return byFile;
}

/**
 * Copies one face of a TrueType collection into a standalone sfnt. subset-font (through
 * fontverter) only accepts sfnt/woff/woff2, and HarfBuzz recomputes checksums on output.
 */
function extractFace(ttc: Buffer, index: number): Buffer {
  if (ttc.toString('latin1', 0, 4) !== 'ttcf') return ttc; // already a single font
  const numFonts = ttc.readUInt32BE(8);
  if (index >= numFonts) fail(`${SOURCE_FONT} has ${numFonts} faces, no face ${index}`);
  const start = ttc.readUInt32BE(12 + 4 * index);
  const numTables = ttc.readUInt16BE(start + 4);
  const headerLength = 12 + 16 * numTables;
  const tables: { tag: string; checksum: number; offset: number; length: number }[] = [];
  for (let i = 0; i < numTables; i++) {
    const r = start + 12 + 16 * i;
    tables.push({
      tag: ttc.toString('latin1', r, r + 4),
      checksum: ttc.readUInt32BE(r + 4),
      offset: ttc.readUInt32BE(r + 8),
      length: ttc.readUInt32BE(r + 12),
    });
  }
  const padded = (n: number) => (n + 3) & ~3;
  const total = headerLength + tables.reduce((sum, t) => sum + padded(t.length), 0);
  const out = Buffer.alloc(total);
  ttc.copy(out, 0, start, start + 12); // sfnt version, numTables, searchRange, entrySelector, rangeShift
  let at = headerLength;
  tables.forEach((t, i) => {
    const r = 12 + 16 * i;
    out.write(t.tag, r, 'latin1');
    out.writeUInt32BE(t.checksum, r + 4);
    out.writeUInt32BE(at, r + 8);
    out.writeUInt32BE(t.length, r + 12);
    ttc.copy(out, at, t.offset, t.offset + t.length);
    at += padded(t.length);
  });
  return out;
}

async function main(): Promise<void> {
  const began = performance.now();
  if (!existsSync(SOURCE_FONT)) {
    fail(`source font ${SOURCE_FONT} is missing: install it with "${INSTALL_HINT}"`);
  }
  if (!existsSync(SOURCE_COPYRIGHT)) {
    fail(`${SOURCE_COPYRIGHT} is missing (the font's license must ship with it): reinstall with "${INSTALL_HINT}"`);
  }

  const i18nFiles = existsSync(I18N_DIR)
    ? readdirSync(I18N_DIR)
        .filter((n) => n.endsWith('.json'))
        .sort()
        .map((n) => join(I18N_DIR, n))
    : [];
  const feedFiles = [FEED_DIR, PRIVATE_DIR].flatMap((dir) =>
    existsSync(dir) && statSync(dir).isDirectory() ? jsonFilesUnder(dir) : [],
  );
  if (i18nFiles.length === 0) console.warn(`font: warning: no translation files in ${relative(ROOT, I18N_DIR)}/`);
  if (feedFiles.length === 0) console.warn(`font: warning: no feed JSON under ${relative(ROOT, FEED_DIR)}/`);
  if (i18nFiles.length > 0 && !i18nFiles.some((f) => f.endsWith('zh-Hant.json'))) {
    console.warn('font: warning: src/i18n/zh-Hant.json not found: Traditional UI strings are not covered');
  }
  const shown = charactersOfJsonFiles([...i18nFiles, ...feedFiles]);
  const converted = traditionalCharactersOf(feedFiles);
  const used = new Map([...shown, ...converted]);

  // Every box loads the base font; Traditional boxes also load the supplement of the forms
  // that conversion makes and the base lacks, so Simplified boxes do not pay for them.
  const base = new Set<string>();
  const gb2312 = gb2312Hanzi();
  for (const ch of asciiAndSpaces() + punctuation() + gb2312) base.add(ch);
  for (const chars of shown.values()) for (const ch of chars) base.add(ch);
  const hant = new Set<string>([...toTraditional(gb2312)].filter((ch) => !base.has(ch) && !NO_GLYPH.test(ch)));
  for (const chars of converted.values()) for (const ch of chars) if (!base.has(ch)) hant.add(ch);

  const source = extractFace(readFileSync(SOURCE_FONT), SOURCE_FACE);
  const subset = async (chars: Set<string>, out: string, woffToo = false) => {
    const text = [...chars].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!).join('');
    const options = {
      // Drop hinting: a box scales text through canvas/WebGL, and TrueType hints only add bytes.
      noHinting: true,
      // Vertical metrics (the app sets no vertical text) and FontForge's timestamp table.
      dropTables: ['vhea', 'vmtx', 'FFTM'],
    };
    const woff2 = await subsetFont(source, text, { ...options, targetFormat: 'woff2' });
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, woff2);
    // The same subset as WOFF 1 for engines without WOFF2 (Chrome 30-35 WebViews, old WebKit).
    if (woffToo)
      writeFileSync(
        out.replace(/\.woff2$/, '.woff'),
        await subsetFont(source, text, { ...options, targetFormat: 'woff' }),
      );
    const font = openFontBuffer(woff2);
    if (!('numGlyphs' in font)) fail('the subset is unexpectedly a font collection');
    console.log(
      `font: wrote ${relative(ROOT, out)}: ${(woff2.length / 1024).toFixed(1)} KB, ${font.numGlyphs} glyphs for ${chars.size} characters`,
    );
    return [...chars].filter((ch) => !font.hasGlyphForCodePoint(ch.codePointAt(0)!));
  };
  const lacking = [...(await subset(base, OUT_FONT, true)), ...(await subset(hant, OUT_FONT_HANT))];
  writeFileSync(
    OUT_LICENSE,
    'static/fonts/sanwu-sans.woff2, sanwu-sans.woff and sanwu-sans-hant.woff2 are subsets of WenQuanYi Micro Hei (wqy-microhei.ttc, face 0),\n' +
      'made by tools/font/subset.ts from the Debian package fonts-wqy-microhei.\n' +
      'Its copyright and license, as Debian states them (' +
      SOURCE_COPYRIGHT +
      '):\n\n' +
      readFileSync(SOURCE_COPYRIGHT, 'utf8'),
  );
  const seconds = (performance.now() - began) / 1000;
  console.log(
    `font: ${i18nFiles.length} translation files, ${feedFiles.length} feed files, in ${seconds.toFixed(1)} s`,
  );
  console.log(`font: wrote ${relative(ROOT, OUT_LICENSE)}`);

  // Characters the source font itself lacks: in built-in sets only a warning, in the app's
  // own text an error (the coverage test will fail on them; the text or the font must change).
  const lackingSet = new Set(lacking);
  const problems: string[] = [];
  for (const [file, chars] of used) {
    const missing = [...chars].filter((ch) => lackingSet.has(ch));
    if (missing.length > 0) problems.push(`  ${file}: ${missing.join(' ')}`);
  }
  const builtinOnly = lacking.filter((ch) => ![...used.values()].some((s) => s.has(ch)));
  if (builtinOnly.length > 0) {
    console.warn(
      `font: note: the source font has no glyph for ${builtinOnly.length} built-in characters: ${builtinOnly.join(' ')}`,
    );
  }
  if (problems.length > 0) {
    fail(`WenQuanYi Micro Hei has no glyph for characters used in:\n${problems.join('\n')}`);
  }
}

main().catch((e: unknown) => fail(e instanceof Error ? (e.stack ?? e.message) : String(e)));
