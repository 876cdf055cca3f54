import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import Ajv2020 from 'ajv/dist/2020.js';
import { feedJsonSchemaDocument, SCHEMA_FILE } from '../../src/feed/jsonSchema';
import { validateDistrict, validateLedgerMonth, validateStreet, validateVillage } from '../../src/feed/validate';
import { feedPaths } from '../../src/feed/paths';

const read = (path: string): any => JSON.parse(readFileSync(`static/feed/${path}`, 'utf8'));
const district = () => read(feedPaths.district());
const village = () => read(feedPaths.village(district().streets[0].villages[0].code));
const firstMonth = () => read(village().channels.find((c: { id: number }) => c.id === 15).content.months[0].file);

const problemsOf = (result: { ok: boolean; problems?: { path: string; message: string }[] }) =>
  result.ok ? [] : result.problems!;

test('the committed JSON Schema is the one the code emits (run npm run schema after changing the feed)', () => {
  expect(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'))).toEqual(JSON.parse(JSON.stringify(feedJsonSchemaDocument())));
});

test('a standard JSON Schema validator accepts the sample feed with the emitted schema', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
  for (const file of [district(), village(), firstMonth(), read(feedPaths.street(village().street))]) {
    expect(validate(file), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  }
  const bad = district();
  bad.channels[0].updatedAt = '2026-10-01';
  expect(validate(bad)).toBe(false);
});

test('the sample files validate', () => {
  expect(problemsOf(validateDistrict(district()))).toEqual([]);
  expect(problemsOf(validateVillage(village()))).toEqual([]);
  expect(problemsOf(validateStreet(read(feedPaths.street(village().street))))).toEqual([]);
  expect(problemsOf(validateLedgerMonth(firstMonth()))).toEqual([]);
});

test('a file of another schema version is refused with that reason', () => {
  const feed = { ...district(), schemaVersion: 2 };
  expect(problemsOf(validateDistrict(feed))).toEqual([
    { path: '/schemaVersion', message: 'unsupported schema version 2, expected 1' },
  ]);
});

test('times must carry +08:00, money must be whole fen and never negative', () => {
  const feed = village();
  feed.channels[0].updatedAt = '2026-10-01T09:00:00Z';
  expect(problemsOf(validateVillage(feed)).map((p) => p.path)).toContain('/channels/0/updatedAt');

  const month = firstMonth();
  month.vouchers[0].amountFen = 330.3;
  expect(problemsOf(validateLedgerMonth(month)).map((p) => p.path)).toContain('/vouchers/0/amountFen');
  month.vouchers[0].amountFen = -100;
  expect(problemsOf(validateLedgerMonth(month)).map((p) => p.path)).toContain('/vouchers/0/amountFen');
});

test('a voucher without its approver is refused, naming the field', () => {
  const month = firstMonth();
  delete month.vouchers[1].approver;
  expect(problemsOf(validateLedgerMonth(month)).map((p) => p.path)).toContain('/vouchers/1/approver');
});

test("a month's vouchers must add up to its totals and its balances must chain", () => {
  const month = firstMonth();
  month.vouchers[0].amountFen += 1;
  const paths = problemsOf(validateLedgerMonth(month)).map((p) => p.path);
  expect(paths.some((p) => p === '/incomeFen' || p === '/expenseFen')).toBe(true);
  const chained = firstMonth();
  chained.closingFen += 100;
  expect(problemsOf(validateLedgerMonth(chained))).toEqual([
    { path: '/closingFen', message: 'opening + income - spending does not equal closing balance' },
  ]);
});

test('a sub-channel in the wrong file, or of the wrong kind, is refused', () => {
  const feed = village();
  feed.channels[0].id = 3;
  expect(problemsOf(validateVillage(feed))[0]).toEqual({
    path: '/channels/0/id',
    message: 'sub-channel 3 does not belong in a village feed',
  });
  const street = read(feedPaths.street(village().street));
  const household = { ...street.channels[0], id: 21 };
  street.channels.push(household);
  expect(problemsOf(validateStreet(street)).map((p) => p.path)).toContain(`/channels/${street.channels.length - 1}/id`);
});

test("an official's duty phone is published whole; anything but a work phone there is refused", () => {
  const feed = village();
  const people = feed.channels.find((c: { id: number }) => c.id === 12);
  people.content[0].phone = '13812345678';
  expect(problemsOf(validateVillage(feed))).toEqual([]);
  for (const bad of ['请拨 138', '6228480012345678901', '138 1234 5678']) {
    people.content[0].phone = bad;
    expect(
      problemsOf(validateVillage(feed)).some((p) => p.path.endsWith('/content/0/phone')),
      bad,
    ).toBe(true);
  }
});

test('items may carry a prepared read-aloud clip; without one they are as valid as before', () => {
  const feed = village();
  const articles = feed.channels.find((c: { kind: string }) => c.kind === 'articles');
  const questions = feed.channels.find((c: { kind: string }) => c.kind === 'qa');
  articles.content[0].audio = { src: 'villages/audio/a.mp3', durationSec: 42.5 };
  questions.content[0].audio = { src: 'villages/audio/q.mp3', durationSec: 12 };
  expect(problemsOf(validateVillage(feed))).toEqual([]);
  articles.content[0].audio = { src: '/etc/passwd', durationSec: 0 };
  const problems = problemsOf(validateVillage(feed)).map((p) => p.path);
  expect(problems.some((p) => p.includes('/audio/src'))).toBe(true);
  expect(problems.some((p) => p.includes('/audio/durationSec'))).toBe(true);
});
