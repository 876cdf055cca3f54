import { test, expect } from '@playwright/test';
import { tokenizeChinese } from '../../src/tv/text/chineseTokenizer';
import { paginate, titleTokens, wrapParagraph, wrapTitle } from '../../src/tv/text/layout';

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
  const text = pages
    .flat()
    .join('')
    .replace(/\u3000/g, '');
  expect(text).toBe(paragraph + paragraph);
});

test("a title's pieces: words of the title, punctuation with the word before, a bracket pair whole", () => {
  expect(titleTokens('党支部书记、村委会主任')).toEqual(['党支部', '书记、', '村委会', '主任']);
  expect(titleTokens('村务监督委员会主任')).toEqual(['村务监督委员会', '主任']);
  expect(titleTokens('村委会委员（妇联主席）')).toEqual(['村委会', '委员', '（妇联主席）']);
  expect(titleTokens('党支部书记（办公电话），「值班」')).toEqual(['党支部', '书记', '（办公电话），', '「值班」']);
  // Characters no title word covers stay with the word before: 村级财务代理 is one piece.
  expect(titleTokens('村级财务代理会计')).toEqual(['村级财务代理', '会计']);
});

/** Every line of a title is whole pieces: no line ends inside a word or a bracket pair. */
const breaksOnlyBetweenPieces = (title: string, lines: string[]) => {
  const pieces = titleTokens(title);
  let at = 0;
  for (const line of lines) {
    let taken = '';
    while (taken.length < line.length && at < pieces.length) taken += pieces[at++];
    expect(taken, `line "${line}" of "${title}"`).toBe(line);
  }
  for (const line of lines) expect((line.match(/[（「]/g) ?? []).length).toBe((line.match(/[）」]/g) ?? []).length);
};

test('titles break only after 、，； between words, never inside a word or a bracket pair', () => {
  for (const [title, width] of [
    ['村务监督委员会主任', 8],
    ['村委会委员（妇联主席）', 7],
    ['党支部副书记、村委会委员', 8],
    ['党支部书记、村委会主任', 6],
    ['居委会委员（报账员）', 6],
  ] as const) {
    const { lines, cut } = wrapTitle(title, width, measure, 3);
    expect(cut, title).toBe(false);
    expect(lines.join(''), title).toBe(title);
    for (const line of lines) expect(measure(line), line).toBeLessThanOrEqual(width);
    breaksOnlyBetweenPieces(title, lines);
  }
  expect(wrapTitle('村务监督委员会主任', 8, measure, 2).lines).toEqual(['村务监督委员会', '主任']);
  expect(wrapTitle('村委会委员（妇联主席）', 7, measure, 2).lines).toEqual(['村委会委员', '（妇联主席）']);
});

test('a title that does not fit ends in … after a whole piece, and says it was cut', () => {
  const { lines, cut } = wrapTitle('党支部副书记、村委会委员（妇联主席）', 7, measure, 2);
  expect(cut).toBe(true);
  expect(lines).toEqual(['党支部副书记、', '村委会委员…']);
  // Even one piece too wide for the line is cut, with the ellipsis, rather than broken.
  const narrow = wrapTitle('村务监督委员会', 4, measure, 2);
  expect(narrow).toEqual({ lines: ['村务监…'], cut: true });
});
