/**
 * The personal-number finder against a corpus of the ways people write ID, mobile and card
 * numbers, and of numbers that only look like them (vouchers, invoices, dates, amounts,
 * office lines). Precision and recall are computed here and must stay at 1.
 */
import { test, expect } from '@playwright/test';
import { findUnmaskedNumber, isMaskedValue, type PersonalNumberKind } from '../../src/format/personalNumbers';

/** Completes 15–18 digits with their Luhn check digit. */
const withLuhn = (body: string): string => {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return `${body}${(10 - (sum % 10)) % 10}`;
};

/** Completes 17 digits with GB 11643's check character. */
const withIdCheck = (first17: string): string => {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, w, i) => total + w * Number(first17[i]), 0);
  return `${first17}${'10X98765432'[sum % 11]}`;
};

const fullWidth = (text: string) => text.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
/** Splits digits into groups of the given sizes, joined by the separator. */
const grouped = (digits: string, sizes: number[], separator: string) => {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    parts.push(digits.slice(at, at + size));
    at += size;
  }
  if (at < digits.length) parts.push(digits.slice(at));
  return parts.join(separator);
};
const spreadWith = (digits: string, invisible: string) => Array.from(digits).join(invisible);

const MOBILES = ['13812345678', '15966668888', '18653612345', '19912345678'];
const IDS = [
  '370703199001011234',
  '37070319900101006X',
  withIdCheck('11010519851212001'),
  withIdCheck('44030420000229002'),
];
const OLD_IDS = ['370703900101123', '110105851212001'];
const CARDS = [
  '6228480012345678901',
  '6222021234567890',
  withLuhn('436742001234567'),
  withLuhn('518710001234567'),
  withLuhn('622588001234567890'),
];

const positives: { text: string; kind: PersonalNumberKind }[] = [
  ...MOBILES.flatMap((m) =>
    [
      m,
      `电话${m}。`,
      grouped(m, [3, 4], ' '),
      grouped(m, [3, 4], '-'),
      grouped(m, [3, 4], '.'),
      `+86${m}`,
      `+86 ${grouped(m, [3, 4], ' ')}`,
      `0086${m}`,
      `(+86)${m}`,
      fullWidth(m),
      fullWidth(grouped(m, [3, 4], '－')),
      grouped(m, [3, 4], '\u00a0'),
      grouped(m, [3, 4], '\u2009'),
      grouped(m, [3, 4], '\u3000'),
      spreadWith(m, '\u200b'),
      `联系人：王先生${spreadWith(m, '\u2060')}`,
    ].map((text) => ({ text, kind: 'mobile' as const })),
  ),
  ...IDS.flatMap((id) =>
    [
      id,
      `身份证号${id}`,
      grouped(id, [6, 8], ' '),
      grouped(id, [6, 8], '-'),
      grouped(id, [6, 4, 4], ' '),
      fullWidth(id),
      grouped(fullWidth(id), [6, 8], '\u3000'),
      spreadWith(id, '\ufeff'),
      id.toLowerCase(),
    ].map((text) => ({ text, kind: 'id' as const })),
  ),
  ...OLD_IDS.flatMap((id) =>
    [id, grouped(id, [6, 6], ' '), fullWidth(id)].map((text) => ({ text, kind: 'id' as const })),
  ),
  ...CARDS.flatMap((card) =>
    [
      card,
      `卡号：${card}`,
      grouped(card, [4, 4, 4, 4], ' '),
      grouped(card, [4, 4, 4, 4], '-'),
      fullWidth(grouped(card, [4, 4, 4, 4], ' ')),
      grouped(card, [4, 4, 4, 4], '\u2009'),
      spreadWith(card, '\u200c'),
    ].map((text) => ({ text, kind: 'bank' as const })),
  ),
  // The issue's own examples.
  { text: '138 1234 5678', kind: 'mobile' },
  { text: '370703 19900101 006X', kind: 'id' },
  { text: '6228 4800 1234 5678 901', kind: 'bank' },
];

const negatives: string[] = [
  '记-0042',
  '收-1234',
  '付-0001',
  '转-9999',
  '凭证 记-0042、记-0043',
  '2026-11-05',
  '2026年11月5日',
  '2026-11-05T09:00:00+08:00',
  '2026/11/05 09:30',
  '2026-11',
  '¥13,812.34',
  '1,234,567.89 元',
  '金额 138123456.78 元',
  '100000000',
  '共计 99,999,999.99 元',
  '发票代码 037001900111 发票号码 12345678',
  '发票号码 25372000000012345678',
  '发票代码037001900111',
  '0536-7261234',
  '(0536)7261234',
  '0536 726 1234',
  '12345',
  '95588',
  '400-123-4567',
  '4001234567',
  '138****5678',
  '3707**********1234',
  '****8901',
  '王*国',
  '6228 **** **** 8901',
  '370703001001',
  's370703001000-8-2026-08',
  'media/receipts/370703001002/v370703001002-202609-0001.jpg',
  '10012345678',
  '12012345678',
  '4367420012345678',
  '5187100012345678',
  '261000',
  '邮编 261041',
  '第 1234567 号',
  '面积 1234.56 亩',
  '人口 12,345 人',
  '123456789012345',
  '20261105123456789',
  '2026 11 05',
  '13.8 12.34 56.78',
  '1 3 8 1 2 3 4 5 6 7 8',
  'ISBN 978-7-5327-1234-5',
  '组织机构代码 12370700MB1234567X',
  '统一社会信用代码 91370700MA3C123456',
  'v2.13.812.345',
  '版本 1.3812345678',
];

const score = () => {
  let truePositives = 0;
  let wrongKind = 0;
  const falseNegatives: string[] = [];
  for (const { text, kind } of positives) {
    const found = findUnmaskedNumber(text);
    if (!found) falseNegatives.push(text);
    else if (found.kind === kind) truePositives++;
    else wrongKind++;
  }
  const falsePositives = negatives.filter((text) => findUnmaskedNumber(text));
  const flagged = truePositives + wrongKind + falsePositives.length;
  return {
    truePositives,
    wrongKind,
    falseNegatives,
    falsePositives,
    precision: (truePositives + wrongKind) / flagged,
    recall: (truePositives + wrongKind) / positives.length,
  };
};

test('the corpus holds at least 100 variants, positives and look-alikes', () => {
  expect(positives.length + negatives.length).toBeGreaterThanOrEqual(100);
  expect(negatives.length).toBeGreaterThanOrEqual(50);
  // The generated numbers are what they claim: a valid check digit or character.
  expect(withLuhn('7992739871')).toBe('79927398713');
  expect(withIdCheck('11010519491231002')).toBe('11010519491231002X');
});

test('every way of writing a personal number is found, and nothing that only looks like one', () => {
  const result = score();
  test.info().annotations.push({
    type: 'corpus',
    description: `${positives.length} positives, ${negatives.length} negatives: precision ${result.precision.toFixed(3)}, recall ${result.recall.toFixed(3)}, ${result.wrongKind} found as another kind`,
  });
  console.log(test.info().annotations.at(-1)!.description);
  expect(result.falseNegatives).toEqual([]);
  expect(result.falsePositives).toEqual([]);
  expect(result.wrongKind).toBe(0);
  expect(result.precision).toBe(1);
  expect(result.recall).toBe(1);
});

test('a masked column holds masked names and numbers only', () => {
  for (const value of ['王*国', '李*', '欧阳*明', '3707**********1234', '138****5678', '****8901'])
    expect(isMaskedValue(value), value).toBe(true);
  for (const value of [
    '王建胜',
    '王建国',
    '13812345678',
    '3707031990*1011234',
    '370703199001011234',
    'x',
    '',
    '<b>王*国</b>',
  ]) {
    expect(isMaskedValue(value), value).toBe(false);
  }
});
