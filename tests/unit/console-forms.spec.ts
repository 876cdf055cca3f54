/**
 * The console's edit forms' pure parts: the article editor's small Markdown as the paragraphs a
 * box shows (and back), and a table's cells as typed or pasted from a spreadsheet.
 */
import { test, expect } from '@playwright/test';
import { markdownFromParagraphs, paragraphsFromMarkdown } from '../../src/console/forms/markdown';
import { cellText, cellValue, rowsFromTsv, yuanToFen } from '../../src/console/forms/tableText';

test('headings, paragraphs and lists become paragraphs a box shows; nothing else is markup', () => {
  const markdown = [
    '## 清运时间',
    '自十二月一日起，',
    '每周二、五上午清运。',
    '',
    '- 可回收物单独投放',
    '* 厨余垃圾**沥干**再投',
    '1、大件垃圾提前预约',
    '',
    'See [the notice](http://example.com) <b>now</b>',
    'and keep it.',
  ].join('\n');
  expect(paragraphsFromMarkdown(markdown)).toEqual([
    '【清运时间】',
    '自十二月一日起，每周二、五上午清运。',
    '· 可回收物单独投放',
    '· 厨余垃圾沥干再投',
    '1. 大件垃圾提前预约',
    'See the notice <b>now</b> and keep it.',
  ]);
  // What a draft stored is shown again as the editor wrote it, and reads back the same.
  const paragraphs = paragraphsFromMarkdown(markdown);
  expect(paragraphsFromMarkdown(markdownFromParagraphs(paragraphs))).toEqual(paragraphs);
  expect(markdownFromParagraphs(['【标题】', '· 一项', '正文'])).toBe('## 标题\n\n- 一项\n\n正文');
  expect(paragraphsFromMarkdown('\n\n  \n')).toEqual([]);
  expect(paragraphsFromMarkdown('1.5亩地已流转。')).toEqual(['1.5亩地已流转。']);
});

test('money is typed in yuan and kept in fen; pasted rows drop a header that repeats the columns', () => {
  expect(yuanToFen('1,234.5')).toBe(123450);
  expect(yuanToFen('¥7700')).toBe(770000);
  expect(yuanToFen('0.07')).toBe(7);
  expect(yuanToFen('12.345')).toBeNull();
  expect(yuanToFen('一百')).toBeNull();
  expect(cellValue('money', '3.5')).toBe(350);
  expect(cellValue('number', '12')).toBe(12);
  expect(cellValue('number', '3.5')).toBe('3.5');
  expect(cellValue('masked', ' 王*国 ')).toBe('王*国');
  expect(cellText('money', 77000000)).toBe('770000.00');
  expect(cellText('money', 5)).toBe('0.05');
  expect(cellText('text', undefined)).toBe('');
  const pasted = '资产名称\t原值\r\n村委会办公楼\t770000\r\n水塔\t\n\n仓库\t12000\t多余\n';
  expect(rowsFromTsv(pasted, ['资产名称', '原值'])).toEqual([
    ['村委会办公楼', '770000'],
    ['水塔', ''],
    ['仓库', '12000'],
  ]);
  expect(rowsFromTsv('甲\t1', ['名称', '金额'])).toEqual([['甲', '1']]);
});
