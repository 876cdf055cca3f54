/**
 * 民意调查 in Chromium against the real service: a bound box opens the village's poll from its
 * 25, votes with the remote, changes its vote; the service holds one vote for the household, the
 * changed one; the clerk closes the poll, and the TV shows the results as bars with the counts.
 * And 满意度: the household rates the answer to its question from 25, and the village's month counts it.
 */
import { test, expect, type Page, type TestInfo } from '@playwright/test';
import { readFileSync } from 'node:fs';
import zhHans from '../../src/i18n/zh-Hans.json' with { type: 'json' };
import type { HouseholdsFile } from '../../src/household/pages';
import { chinaTime } from '../../src/format/dates';
import {
  expectFocusedText,
  expectText,
  focusedTexts,
  openRoute,
  press,
  sample,
  sceneProblems,
  textProblems,
  withPlatformSettings,
} from './tv';
import { bindShownBox, clerkToken } from './boundBox';

/** Nothing cut off, overlapping or outside the safe area; the screen kept under the test's results to look at. */
const checkScreen = async (page: Page, info: TestInfo, name: string) => {
  await page.screenshot({ path: info.outputPath(`${name}.png`) });
  expect([...(await textProblems(page)), ...(await sceneProblems(page))], name).toEqual([]);
};

interface Poll {
  id: number;
  question: string;
  state: string;
  turnout: number;
  results: number[] | null;
}

test('a household votes from 25, changes its vote, and after closing the TV shows the counts as bars', async ({
  page,
}, info) => {
  // The walk takes seconds; the two reloads in other looks take most of this.
  test.setTimeout(150_000);
  const { villageCode } = sample();
  const households = JSON.parse(
    readFileSync(`static/private/households/${villageCode}.json`, 'utf8'),
  ) as HouseholdsFile;
  // Not a household another test binds: each test's box and household are its own.
  const household = households.households[8]!;
  const auth = { authorization: `Bearer ${clerkToken()}` };
  const question = '文化广场的路灯开到几点？';
  const created = await page.request.post('/api/polls', {
    headers: auth,
    data: {
      village: villageCode,
      question,
      options: ['晚上9点', '晚上10点', '晚上11点'],
      opensAt: chinaTime(Date.now() - 60_000),
      closesAt: chinaTime(Date.now() + 86_400_000),
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const poll = (await created.json()) as Poll;

  // Bind: 25 shows the pairing code; the clerk binds it; the box opens its 25 by itself.
  await bindShownBox(page, household.id, zhHans['household.pollsEntry.detail']);

  // 25 → 民意调查 → the poll.
  await press(page, 'ArrowDown');
  await expectFocusedText(page, zhHans['household.pollsEntry']);
  await press(page, 'Enter');
  await expectFocusedText(page, question);
  await press(page, 'Enter');
  await expectText(page, zhHans['poll.confirm']);

  // 晚上10点, OK (the focus goes to 确认投票), OK.
  await press(page, 'ArrowDown');
  await expectFocusedText(page, '晚上10点');
  await press(page, 'Enter');
  await expectFocusedText(page, zhHans['poll.confirm']);
  await press(page, 'Enter');
  await expectFocusedText(page, zhHans['poll.mine']);
  await expectFocusedText(page, '晚上10点');
  await expectText(page, zhHans['poll.canChange']);

  // Changed to 晚上11点: the same two presses on it, then 更改投票.
  await press(page, 'ArrowDown');
  await expectFocusedText(page, '晚上11点');
  await press(page, 'Enter');
  await expectFocusedText(page, zhHans['poll.change']);
  await press(page, 'Enter');
  await expectFocusedText(page, '晚上11点');
  await expectFocusedText(page, zhHans['poll.mine']);
  await checkScreen(page, info, 'poll-open-normal');

  const listed = async () =>
    ((await (await page.request.get(`/api/polls?village=${villageCode}`, { headers: auth })).json()) as Poll[]).find(
      (p) => p.id === poll.id,
    )!;
  // While open, the service tells only the turnout: one household, once.
  expect(await listed()).toMatchObject({ state: 'open', turnout: 1, results: null });

  const closed = await page.request.post(`/api/polls/${poll.id}/close`, { headers: auth });
  expect(closed.status(), await closed.text()).toBe(200);
  // One vote for the household, the changed one.
  expect(await listed()).toMatchObject({ state: 'closed', turnout: 1, results: [0, 0, 1] });

  // Back to the list and in again: the poll is 已结束 and its counts are bars.
  await press(page, 'Backspace');
  await expectFocusedText(page, zhHans['poll.state.closed']);
  await press(page, 'Enter');
  await expectText(page, '1 票 · 100%');
  await expectText(page, '0 票 · 0%');
  await expectText(page, `晚上11点 · ${zhHans['poll.mine']}`);
  const bars = page.locator('[ref="Bar"]:visible');
  await expect(bars).toHaveCount(3);
  const fills = await page
    .locator('[ref="Bar"]:visible [ref="Fill"]')
    .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().width)));
  expect(fills[0]).toBe(0);
  expect(fills[1]).toBe(0);
  expect(fills[2]).toBeGreaterThan(100);
  await checkScreen(page, info, 'poll-results-normal');

  // The results and the list in large text and high contrast (the box stays bound across reloads).
  for (const [mode, settings] of [
    ['large', { largeText: true }],
    ['contrast', { highContrast: true }],
  ] as const) {
    await withPlatformSettings(page, settings);
    await openRoute(page, `poll/${poll.id}`);
    await expectText(page, '1 票 · 100%', 20_000);
    await checkScreen(page, info, `poll-results-${mode}`);
    await openRoute(page, 'polls');
    await expectText(page, question);
    await checkScreen(page, info, `polls-${mode}`);
  }
});

test('a household rates the answer to its question 1–5 from 25, and the village counts it for the month', async ({
  page,
}, info) => {
  test.setTimeout(150_000);
  const { villageCode } = sample();
  const households = JSON.parse(
    readFileSync(`static/private/households/${villageCode}.json`, 'utf8'),
  ) as HouseholdsFile;
  const household = households.households[9]!;
  const auth = { authorization: `Bearer ${clerkToken()}` };
  const month = chinaTime(Date.now()).slice(0, 7);
  const monthly = async () =>
    (
      (await (await page.request.get(`/api/ratings?village=${villageCode}`, { headers: auth })).json()) as {
        month: string;
        count: number;
      }[]
    ).find((m) => m.month === month)?.count ?? 0;
  const before = await monthly();

  await bindShownBox(page, household.id, zhHans['household.pollsEntry.detail']);

  // Ask about a voucher's amount (15, OK, OK, then G, OK, OK), and answer it as the clerk.
  await press(page, '1');
  await press(page, '5');
  await expectText(page, zhHans['channel.15']);
  await press(page, 'Enter');
  await press(page, 'Enter');
  await expectText(page, zhHans['ask.button']);
  await press(page, 'g');
  await expectText(page, zhHans['ask.reason.amount']);
  await press(page, 'Enter');
  await press(page, 'Enter');
  let asked: { id: number } | undefined;
  await expect
    .poll(async () => {
      const listed = (await (await page.request.get('/api/questions', { headers: auth })).json()) as {
        id: number;
        household: string;
      }[];
      asked = listed.find((q) => q.household === household.id);
      return !!asked;
    })
    .toBe(true);
  const answered = await page.request.post(`/api/questions/${asked!.id}/answer`, {
    headers: auth,
    data: { text: '经核对，金额与发票一致。' },
  });
  expect(answered.status(), await answered.text()).toBe(200);

  // The box's 25 (opened afresh) shows the rating row under the answer; OK, ↓ to 4 分, OK.
  await openRoute(page, 'household/25');
  await expectText(page, zhHans['rate.row'], 20_000);
  for (let row = 0; row < 6 && !(await focusedTexts(page)).some((s) => s.includes(zhHans['rate.row'])); row++)
    await press(page, 'ArrowDown');
  await expectFocusedText(page, zhHans['rate.none']);
  await press(page, 'Enter');
  await expectFocusedText(page, zhHans['rate.5']);
  await checkScreen(page, info, 'rate-normal');
  await press(page, 'ArrowDown');
  await press(page, 'Enter');
  await expect.poll(monthly).toBe(before + 1);
  await expectText(page, zhHans['rate.4'], 20_000);
});
