import { test, expect } from '@playwright/test';
import { amountInWords, formatFen } from '../../src/format/money';
import {
  chinaDate,
  chinaTime,
  daysUntil,
  formatDate,
  formatDateTime,
  formatMonth,
  toEpoch,
} from '../../src/format/dates';
import { jsonStrings, walkJson } from '../../src/feed/jsonWalk';
import { maskBankCard, maskIdNumber, maskMobile, maskName } from '../../src/format/mask';
import { findUnmaskedNumber } from '../../src/format/personalNumbers';

test.describe('money', () => {
  test('shows integer fen as yuan with ¥, thousands separators and two decimals', () => {
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(33030)).toBe('¥330.30');
    expect(formatFen(644038)).toBe('¥6,440.38');
    expect(formatFen(123456789)).toBe('¥1,234,567.89');
    expect(formatFen(-16800)).toBe('-¥168.00');
  });

  test('refuses amounts that are not integer fen', () => {
    expect(() => formatFen(12.5)).toThrow(/integer fen/);
  });

  test('writes amounts in Chinese capitals as on a voucher, with 零 and 整', () => {
    expect(amountInWords(33030)).toBe('叁佰叁拾元叁角整');
    expect(amountInWords(1005007)).toBe('壹万零伍拾元零柒分');
    expect(amountInWords(100)).toBe('壹元整');
  });
});

test.describe('dates', () => {
  test('shows feed times by their own +08:00 digits', () => {
    expect(formatDate('2026-10-03T23:30:00+08:00')).toBe('2026年10月3日');
    expect(formatDate('2026-10-03T23:30:00+08:00', 'en')).toBe('2026-10-03');
    expect(formatDateTime('2026-10-03T08:05:00+08:00')).toBe('2026年10月3日 08:05');
    expect(formatMonth('2026-01')).toBe('2026年1月');
  });

  test('counts whole days to a deadline', () => {
    const now = Date.parse('2026-11-20T09:00:00+08:00');
    expect(daysUntil('2026-11-30T09:00:00+08:00', now)).toBe(10);
    expect(daysUntil('2026-11-18T09:00:00+08:00', now)).toBe(-2);
  });

  test('gives the date in China whatever the box clock zone', () => {
    expect(chinaDate(Date.parse('2026-11-27T17:00:00Z'))).toEqual({ iso: '2026-11-28', weekday: 6 });
  });
});

test.describe('masking', () => {
  test('masks ID, mobile and bank numbers and names', () => {
    expect(maskIdNumber('370703199001011234')).toBe('3707**********1234');
    expect(maskMobile('13812345678')).toBe('138****5678');
    expect(maskBankCard('6228480012345678901')).toBe('****8901');
    expect(maskName('王建国')).toBe('王*国');
    expect(maskName('李强')).toBe('李*');
  });

  test('finds whole personal numbers in text, and passes masked ones', () => {
    expect(findUnmaskedNumber('身份证370703199001011234')).toEqual({ kind: 'id', match: '370703199001011234' });
    expect(findUnmaskedNumber('电话13812345678。')).toEqual({ kind: 'mobile', match: '13812345678' });
    expect(findUnmaskedNumber('卡号6228480012345678901')).toEqual({ kind: 'bank', match: '6228480012345678901' });
    expect(findUnmaskedNumber('电话138****5678，身份证3707**********1234')).toBeNull();
    expect(findUnmaskedNumber('办公电话0536-7261234，金额¥13,812.34')).toBeNull();
  });
});

test('chinaTime writes a moment in China’s zone whatever the machine’s zone: the evening of the 19th UTC is the 20th in Beijing', () => {
  expect(chinaTime(Date.UTC(2026, 10, 19, 16, 30, 5))).toBe('2026-11-20T00:30:05+08:00');
  expect(toEpoch(chinaTime(1_795_000_000_000))).toBe(1_795_000_000_000);
  expect(chinaDate(Date.UTC(2026, 10, 19, 16, 30))).toEqual({ iso: '2026-11-20', weekday: 5 });
});

test('walkJson visits every string, number and key with its JSON Pointer path', () => {
  const seen: string[] = [];
  walkJson({ title: '通知', rows: [{ card: 6228480012345678 }], '13812345678': true }, (leaf) =>
    seen.push(`${leaf.kind} ${leaf.path} ${leaf.value}`),
  );
  expect(seen).toEqual([
    'key /title title',
    'string /title 通知',
    'key /rows rows',
    'key /rows/0/card card',
    'number /rows/0/card 6228480012345678',
    'key /13812345678 13812345678',
  ]);
  expect(jsonStrings({ a: ['x', { b: 'y' }], n: 1 })).toEqual(['x', 'y']);
});
