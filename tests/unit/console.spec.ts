/**
 * The console's pure parts: its two translation files carry the same keys, a draft's changes
 * are listed field by field against the published item, and a picked time is read as China time.
 */
import { test, expect } from '@playwright/test';
import zhHans from '../../src/console/i18n/zh-Hans.json' with { type: 'json' };
import en from '../../src/console/i18n/en.json' with { type: 'json' };
import { changes } from '../../src/console/diff';
import { fromLocalInput, localInputIn } from '../../src/console/chinaTime';

test('the console says everything in Chinese and in English', () => {
  expect(Object.keys(en).sort()).toEqual(Object.keys(zhHans).sort());
  for (const [key, text] of Object.entries(en)) expect(text, key).not.toBe('');
});

test('a draft is compared with the published item leaf by leaf, without the fields the service stamps', () => {
  const published = { id: 'n1', title: '通知', body: ['第一段', '第二段'], publishedAt: '2026-11-01T08:00:00+08:00' };
  const draft = { id: 'n1', title: '通知（更正）', body: ['第一段'] };
  expect(changes(published, draft)).toEqual([
    { field: 'title', published: '通知', draft: '通知（更正）' },
    { field: 'body[1]', published: '第二段', draft: null },
  ]);
  expect(changes(null, { title: '新' })).toEqual([{ field: 'title', published: null, draft: '新' }]);
  expect(changes(published, published)).toEqual([]);
});

test('a time picked in the console is China time, whatever the PC’s zone', () => {
  expect(fromLocalInput('2026-12-01T08:00')).toBe('2026-12-01T08:00:00+08:00');
  expect(fromLocalInput('2026-12-01T08:00:30')).toBe('2026-12-01T08:00:30+08:00');
  expect(localInputIn(60, Date.parse('2026-12-01T00:00:00Z'))).toBe('2026-12-01T09:00');
});
