import { test, expect } from '@playwright/test';
import { LANGUAGES } from '../../src/i18n';

test('every language carries every key of zh-Hans, with the same placeholders', () => {
  const source = LANGUAGES['zh-Hans'];
  for (const [code, strings] of Object.entries(LANGUAGES)) {
    for (const [key, value] of Object.entries(source)) {
      expect(strings[key], `${code} lacks ${key}`).toBeTruthy();
      const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(placeholders(strings[key] ?? ''), `${code} ${key}`).toEqual(placeholders(value));
    }
    expect(Object.keys(strings).sort(), `${code} has keys zh-Hans lacks`).toEqual(Object.keys(source).sort());
  }
});

/** Characters written differently in Traditional Chinese: none may remain in zh-Hant. */
const SIMPLIFIED_ONLY =
  '务闻询问听证广动态导评议联录项与员党财资产债专补贴单档办进发时这说话请们个为后开关门车长东对会经钱银账户页载误显选择级键确频视号张称区';

test('zh-Hant is in Traditional characters and en has no Chinese left', () => {
  for (const [key, value] of Object.entries(LANGUAGES['zh-Hant'])) {
    const left = Array.from(value).filter((ch) => SIMPLIFIED_ONLY.includes(ch));
    expect(left, `zh-Hant ${key}: ${value}`).toEqual([]);
  }
  for (const [key, value] of Object.entries(LANGUAGES.en)) {
    expect(/[\u4e00-\u9fff]/.test(value), `en ${key}: ${value}`).toBe(false);
  }
});
