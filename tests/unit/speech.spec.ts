/** What the box says: money in words, dates as dates, masked numbers by their tail; channel numbers. */
import { test, expect } from '@playwright/test';
import { spokenFen, spokenText } from '../../src/format/spokenText';
import { expectsMore, resolveDigits } from '../../src/tv/channelNumber';

test('amounts are spoken as money, from integer fen', () => {
  expect(spokenFen(123450, 'zh-Hans')).toBe('一千二百三十四元五角');
  expect(spokenFen(5, 'zh-Hans')).toBe('五分');
  expect(spokenFen(10000, 'zh-Hans')).toBe('一百元');
  expect(spokenFen(1005007, 'zh-Hans')).toBe('一万零五十元零七分');
  expect(spokenFen(1200, 'zh-Hans')).toBe('十二元');
  expect(spokenFen(0, 'zh-Hans')).toBe('零元');
  expect(spokenFen(-530, 'zh-Hans')).toBe('负五元三角');
  expect(spokenFen(123450, 'en')).toBe('1234.50 yuan');
});

test('screen text with amounts, dates and separators becomes speakable', () => {
  expect(spokenText('支出 ¥1,234.50', 'zh-Hans')).toBe('支出 一千二百三十四元五角');
  expect(spokenText('期末余额 -¥330.30', 'zh-Hans')).toBe('期末余额 负三百三十元三角');
  expect(spokenText('2026年10月3日 · 记-0042', 'zh-Hans')).toBe('2026年10月3日，记-0042');
  expect(spokenText('2026-10-03', 'zh-Hans')).toBe('2026年10月3日');
  expect(spokenText('2026-10-03', 'en')).toBe('October 3, 2026');
  expect(spokenText('社区 › 财务收支', 'zh-Hans')).toBe('社区，财务收支');
  expect(spokenText('【OK】查看票据原件', 'zh-Hans')).toBe('OK，查看票据原件');
});

test('a whole duty phone is said digit by digit in its groups, never as one large number', () => {
  expect(spokenText('电话 14012345678', 'zh-Hans')).toBe('电话 幺四零，幺二三四，五六七八');
  expect(spokenText('phone 13812345670', 'en')).toBe('phone 1 3 8, 1 2 3 4, 5 6 7 0');
  // Inside a longer run of digits it is no phone.
  expect(spokenText('流水号 2013812345678', 'zh-Hans')).toBe('流水号 2013812345678');
});

test('masked numbers are said by whose they are and how they end, never star by star', () => {
  expect(spokenText('电话 138****5678', 'zh-Hans')).toBe('电话 手机号尾号5678');
  expect(spokenText('3707**********1234', 'zh-Hans')).toBe('身份证号尾号1234');
  expect(spokenText('370703********123X', 'zh-Hans')).toBe('身份证号尾号123X');
  expect(spokenText('卡号 ****8901', 'zh-Hans')).toBe('卡号 尾号8901');
  expect(spokenText('王*国 李*', 'zh-Hans')).toBe('王某国 李某');
  expect(spokenText('phone 138****5678', 'en')).toBe('phone mobile number ending 5678');
  expect(spokenText('手機 138****5678', 'zh-Hant')).toBe('手機 手機號尾號5678');
});

test('channel numbers: 1-4 sections, 5-9 and 01-25 channels, 0 home, no channel past 25', () => {
  expect(resolveDigits('0')).toEqual({ to: 'home' });
  expect(resolveDigits('3')).toEqual({ to: 'section', index: 2 });
  expect(resolveDigits('7')).toEqual({ to: 'channel', id: 7 });
  expect(resolveDigits('15')).toEqual({ to: 'channel', id: 15 });
  expect(resolveDigits('03')).toEqual({ to: 'channel', id: 3 });
  expect(resolveDigits('26')).toEqual({ to: 'nothing', number: 26 });
  // Typing goes on only while a second digit could still make 01-25.
  expect(['0', '1', '2'].map(expectsMore)).toEqual([true, true, true]);
  expect(['3', '9', '15'].map(expectsMore)).toEqual([false, false, false]);
});
