/**
 * The committed sample feed (static/feed) and its generator (tools/sample): every file
 * validates, the books add up, nothing personal is published whole, images are real, and
 * the generator gives the same bytes for the same seed.
 */
import { test, expect } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Channel, DistrictFeed, LedgerMonthFeed, StreetFeed, VillageFeed } from '../../src/feed/schema';
import { feedPaths } from '../../src/feed/paths';
import { CHANNELS } from '../../src/feed/taxonomy';
import { validateDistrict, validateLedgerMonth, validateStreet, validateVillage } from '../../src/feed/validate';
import { findUnmaskedNumber, isPublicWorkPhoneField } from '../../src/format/personalNumbers';
import { generate } from '../../tools/sample/generate';
import { Rng } from '../../tools/sample/prng';
import { renderReceipt } from '../../tools/sample/render/receipt';
import { SIZES } from '../../tools/sample/world';
import { wall } from '../../tools/sample/clock';

const FEED = fileURLToPath(new URL('../../static/feed', import.meta.url));
const NOW = Date.parse('2026-11-20T09:00:00+08:00');

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });

const jsonFiles = () => walk(FEED).filter((f) => f.endsWith('.json'));
const read = <T>(path: string): T => JSON.parse(readFileSync(join(FEED, path), 'utf8')) as T;

const district = () => read<DistrictFeed>(feedPaths.district());
const villageCodes = () => district().streets.flatMap((s) => s.villages.map((v) => v.code));
const channelOf = <K extends Channel['kind']>(feed: { channels: Channel[] }, id: number) =>
  feed.channels.find((c) => c.id === id) as Extract<Channel, { kind: K }>;

/** Width and height from a JPEG's start-of-frame marker. */
const jpegSize = (data: Buffer): { width: number; height: number } => {
  let i = 2;
  while (i < data.length) {
    const marker = data[i + 1] ?? 0;
    const length = data.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker))
      return { height: data.readUInt16BE(i + 5), width: data.readUInt16BE(i + 7) };
    i += 2 + length;
  }
  throw new Error('no JPEG frame header');
};

/** Every {src, width, height} image reference anywhere in a feed object. */
const images = (value: unknown, out: { src: string; width: number; height: number }[] = []) => {
  if (Array.isArray(value)) value.forEach((v) => images(v, out));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.src === 'string' && typeof o.width === 'number' && typeof o.height === 'number')
      out.push({ src: o.src, width: o.width, height: o.height });
    Object.values(o).forEach((v) => images(v, out));
  }
  return out;
};

test('every committed feed file validates and sits at its path', () => {
  const files = jsonFiles();
  expect(files.length).toBeGreaterThan(20);
  for (const file of files) {
    const path = relative(FEED, file);
    const data = JSON.parse(readFileSync(file, 'utf8')) as {
      kind: string;
      fictional?: boolean;
      region?: { code: string };
      village?: string;
      month?: string;
    };
    expect(data.fictional, path).toBe(true);
    const validate = {
      district: validateDistrict,
      street: validateStreet,
      village: validateVillage,
      ledgerMonth: validateLedgerMonth,
    }[data.kind];
    expect(validate, `${path}: unknown kind ${data.kind}`).toBeDefined();
    const result = validate!(data);
    expect(result.ok ? [] : result.problems, path).toEqual([]);
    const expected =
      data.kind === 'district'
        ? feedPaths.district()
        : data.kind === 'street'
          ? feedPaths.street(data.region!.code)
          : data.kind === 'village'
            ? feedPaths.village(data.region!.code)
            : feedPaths.ledgerMonth(data.village!, data.month!);
    expect(path).toBe(expected);
  }
});

test('the district lists 3 streets of 2 villages, each with its files and all 20 public sub-channels', () => {
  const d = district();
  expect(d.region).toEqual({ code: '370703000000', name: '寒亭区' });
  expect(d.streets).toHaveLength(3);
  expect(d.streets.every((s) => s.villages.length === 2)).toBe(true);
  const ids = (feed: { channels: Channel[] }) => feed.channels.map((c) => c.id);
  const all = new Set(ids(d));
  for (const s of d.streets) {
    ids(read<StreetFeed>(feedPaths.street(s.code))).forEach((id) => all.add(id));
    for (const v of s.villages) {
      const village = read<VillageFeed>(feedPaths.village(v.code));
      expect(village.street).toBe(s.code);
      expect(ids(village)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
      village.channels.forEach((c) => all.add(c.id));
    }
  }
  expect(Array.from(all).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
});

test('household sub-channels 21-25 are in no public file', () => {
  const household = CHANNELS.filter((c) => c.section === 'household').map((c) => c.id);
  for (const file of jsonFiles()) {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { channels?: Channel[] };
    for (const c of data.channels ?? []) expect(household, relative(FEED, file)).not.toContain(c.id);
    expect(readFileSync(file, 'utf8')).not.toContain('"household"');
  }
});

/** A feed file with the work phones of officials and contacts blanked: the one place a whole mobile may be. */
const withoutWorkPhones = (data: { channels?: Channel[] }) => ({
  ...data,
  channels: data.channels?.map((c) =>
    isPublicWorkPhoneField(c.kind, '/phone')
      ? { ...c, content: (c.content as object[]).map((item) => ({ ...item, phone: '' })) }
      : c,
  ),
});

test('no whole ID, mobile or bank card number anywhere in the committed JSON but the work phones', () => {
  for (const file of jsonFiles()) {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { channels?: Channel[] };
    expect(findUnmaskedNumber(JSON.stringify(withoutWorkPhones(data))), relative(FEED, file)).toBeNull();
  }
});

test("officials' duty phones and contacts' work numbers are published whole", () => {
  let mobiles = 0;
  for (const code of villageCodes()) {
    for (const person of channelOf<'people'>(read<VillageFeed>(feedPaths.village(code)), 12).content) {
      expect(person.phone, `${code} ${person.name}`).toMatch(/^1[3-9][0-9]{9}$/);
      mobiles += 1;
    }
  }
  expect(mobiles).toBeGreaterThan(10);
  for (const street of district().streets) {
    for (const contact of channelOf<'contacts'>(read<StreetFeed>(feedPaths.street(street.code)), 9).content)
      expect(contact.phone, contact.name).not.toContain('*');
  }
});

test('ledgers: months listed match their files, vouchers add up, balances chain and never go negative', () => {
  let vouchers = 0;
  let monthsWithoutSpending = 0;
  let withThree = 0;
  for (const code of villageCodes()) {
    const ledger = channelOf<'ledger'>(read<VillageFeed>(feedPaths.village(code)), 15).content;
    expect(ledger.months.length).toBeGreaterThanOrEqual(12);
    expect(ledger.months[0]?.month).toBe('2025-11');
    expect(ledger.months[ledger.months.length - 1]?.month).toBe('2026-10');
    let previousClosing: number | undefined;
    let villageVouchers = 0;
    for (const ref of ledger.months) {
      expect(ref.file).toBe(feedPaths.ledgerMonth(code, ref.month));
      const month = read<LedgerMonthFeed>(ref.file);
      expect({
        opening: month.openingFen,
        income: month.incomeFen,
        expense: month.expenseFen,
        closing: month.closingFen,
        count: month.vouchers.length,
      }).toEqual({
        opening: ref.openingFen,
        income: ref.incomeFen,
        expense: ref.expenseFen,
        closing: ref.closingFen,
        count: ref.voucherCount,
      });
      const sum = (d: 'income' | 'expense') =>
        month.vouchers.filter((v) => v.direction === d).reduce((s, v) => s + v.amountFen, 0);
      expect(sum('income')).toBe(month.incomeFen);
      expect(sum('expense')).toBe(month.expenseFen);
      expect(month.openingFen + month.incomeFen - month.expenseFen).toBe(month.closingFen);
      if (previousClosing !== undefined) expect(month.openingFen).toBe(previousClosing);
      previousClosing = month.closingFen;
      let running = month.openingFen;
      // Collected and asserted once: an expect() per voucher is thousands of reported steps.
      const problems: string[] = [];
      month.vouchers.forEach((v, i) => {
        const at = `${code} ${month.month} ${v.number}`;
        if (v.number !== `记-${String(i + 1).padStart(4, '0')}`) problems.push(`${at}: numbered out of order`);
        if (v.date.slice(0, 7) !== month.month) problems.push(`${at}: dated ${v.date}, outside its month`);
        running += v.direction === 'income' ? v.amountFen : -v.amountFen;
        if (running < 0) problems.push(`${at}: the balance goes negative (${running} fen)`);
        // Every attachment is its own image, each a different file.
        if (v.attachmentCount < 1) problems.push(`${at}: no attachment`);
        if (v.receipts.length !== v.attachmentCount)
          problems.push(`${at}: ${v.receipts.length} receipts for ${v.attachmentCount} attachments`);
        if (new Set(v.receipts.map((r) => r.src)).size !== v.receipts.length)
          problems.push(`${at}: two receipts share an image`);
        if (v.receipts.length >= 3) withThree += 1;
      });
      expect(problems).toEqual([]);
      if (month.expenseFen === 0) monthsWithoutSpending += 1;
      villageVouchers += month.vouchers.length;
    }
    expect(villageVouchers).toBeGreaterThanOrEqual(150);
    vouchers += villageVouchers;
  }
  expect(vouchers).toBeGreaterThan(1000);
  expect(monthsWithoutSpending).toBeGreaterThanOrEqual(1);
  expect(withThree).toBeGreaterThan(10);
});

test('every referenced image exists with the width and height the feed gives', () => {
  let count = 0;
  for (const file of jsonFiles()) {
    for (const image of images(JSON.parse(readFileSync(file, 'utf8')))) {
      const path = join(FEED, image.src);
      expect(existsSync(path), image.src).toBe(true);
      expect(jpegSize(readFileSync(path)), image.src).toEqual({ width: image.width, height: image.height });
      count += 1;
    }
  }
  expect(count).toBeGreaterThan(1000);
});

test('images fit a 1 GB box: no side above 1920 px, and the officials list uses small photos', () => {
  // A texture costs width × height × 4 bytes however small it is drawn (Lightning does not
  // shrink uploads); the stage's whole budget is 8e6 pixels (settings.json memoryPressure).
  for (const file of jsonFiles()) {
    for (const image of images(JSON.parse(readFileSync(file, 'utf8')))) {
      expect(Math.max(image.width, image.height), image.src).toBeLessThanOrEqual(1920);
    }
  }
  // The people cards draw photos at 150×200; a list must not decode full-size pictures.
  for (const code of villageCodes()) {
    const people = read<VillageFeed>(feedPaths.village(code)).channels.find((c) => c.kind === 'people');
    for (const person of people?.kind === 'people' ? people.content : []) {
      expect(person.photo.width * person.photo.height, person.photo.src).toBeLessThanOrEqual(480 * 480);
    }
  }
});

test('screen states the sample must show: long articles, corrections, overdue channels, reply clocks', () => {
  const feeds: { channels: Channel[] }[] = [
    district(),
    ...district().streets.map((s) => read<StreetFeed>(feedPaths.street(s.code))),
    ...villageCodes().map((c) => read<VillageFeed>(feedPaths.village(c))),
  ];
  for (const feed of feeds) {
    const longest = Math.max(
      ...feed.channels.flatMap((c) => (c.kind === 'articles' ? c.content.map((a) => a.body.join('').length) : [0])),
    );
    expect(longest).toBeGreaterThanOrEqual(3000);
  }
  const channels = feeds.flatMap((f) => f.channels);
  expect(channels.filter((c) => c.nextDueAt && Date.parse(c.nextDueAt) < NOW).length).toBeGreaterThanOrEqual(2);
  expect(channels.some((c) => c.kind === 'articles' && c.content.some((a) => a.correction))).toBe(true);
  expect(
    channels.some(
      (c) => c.kind === 'articles' && c.content.some((a) => a.video?.src === 'media/clips/district-news.mp4'),
    ),
  ).toBe(true);
  const villageQuestions = channels.filter((c) => c.id === 20).flatMap((c) => (c.kind === 'qa' ? c.content : []));
  const open = villageQuestions.filter((q) => !q.answer);
  expect(open.some((q) => NOW - Date.parse(q.askedAt) > 10 * 86_400_000)).toBe(true);
  expect(open.some((q) => NOW - Date.parse(q.askedAt) < 10 * 86_400_000)).toBe(true);
  const alerts = channels.flatMap((c) => (c.kind === 'alerts' ? c.content : []));
  expect(new Set(alerts.map((a) => a.level))).toEqual(new Set([1, 2, 3, 4]));
  expect(alerts.every((a) => Date.parse(a.expiresAt) < NOW)).toBe(true);
});

test('the generator is deterministic: a one-village run reproduces the committed JSON byte for byte', () => {
  test.setTimeout(120_000);
  const out = mkdtempSync(join(tmpdir(), 'sanwu-sample-'));
  try {
    const households = join(out, 'households');
    const report = generate({
      size: SIZES.small,
      out,
      seed: 'hanting-sample-2026',
      villages: 1,
      householdsOut: households,
    });
    expect(report.problems).toEqual([]);
    const code = report.vouchers[0]!.code;
    const files = walk(join(out, 'villages')).filter((f) => f.endsWith('.json'));
    expect(files.length).toBe(13);
    for (const file of files) {
      const path = relative(out, file);
      expect(readFileSync(file).equals(readFileSync(join(FEED, path))), path).toBe(true);
    }
    expect(existsSync(join(out, 'media/receipts', code))).toBe(true);
    // The households' private pages, beside the feed and never in it.
    const committed = fileURLToPath(new URL(`../../static/private/households/${code}.json`, import.meta.url));
    expect(readFileSync(join(households, `${code}.json`)).equals(readFileSync(committed))).toBe(true);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('a receipt renders to the same bytes twice', () => {
  const input = () => ({
    spec: {
      kind: 'vat' as const,
      electronic: true,
      seller: '潍坊寒亭供电服务有限公司',
      taxRate: 0.13,
      items: [{ name: '*供电*电费', unit: '千瓦时', qty: [300, 900] as [number, number] }],
    },
    amountFen: 33030,
    direction: 'expense' as const,
    date: wall(2026, 10, 12, 10),
    committee: '东杨村村民委员会',
    cooperative: '东杨村股份经济合作社',
    clerk: '李秀英',
    rng: new Rng('receipt-test'),
  });
  const a = renderReceipt(input());
  expect(a.equals(renderReceipt(input()))).toBe(true);
  expect(a.length).toBeLessThan(30 * 1024);
});
