import { test, expect } from '@playwright/test';
import { tokenizeChinese } from '../../src/tv/text/chineseTokenizer';
import { paginate, wrapParagraph } from '../../src/tv/text/layout';

/** Every character one unit wide: enough to check break rules without a browser. */
const measure = (text: string) => Array.from(text).length;

test('breaks between hanzi but keeps Latin words and numbers whole', () => {
  expect(tokenizeChinese('本月支出2026元 OK')).toEqual(['本', '月', '支', '出', '2026', '元', ' ', 'OK']);
});

test('never starts a line with closing punctuation or ends one with an opening bracket', () => {
  const tokens = tokenizeChinese('村委会，（报销）完毕。');
  expect(tokens).toEqual(['村', '委', '会，', '（报', '销）', '完', '毕。']);
  const lines = wrapParagraph('一二三四，五六七八。（九十）', 5, measure);
  for (const line of lines) {
    expect('，。）').not.toContain(line[0]);
    expect('（').not.toContain(line[line.length - 1]);
    expect(measure(line)).toBeLessThanOrEqual(5);
  }
  expect(lines.join('')).toBe('一二三四，五六七八。（九十）');
});

test('pages long text without losing or repeating a character', () => {
  const paragraph = '村民代表会议决定硬化东西大街路面并安装路灯。'.repeat(40);
  const pages = paginate([paragraph, paragraph], 20, 10, measure);
  expect(pages.length).toBeGreaterThan(5);
  for (const page of pages) expect(page.length).toBeLessThanOrEqual(10);
  const text = pages.flat().join('').replace(/\u3000/g, '');
  expect(text).toBe(paragraph + paragraph);
});
