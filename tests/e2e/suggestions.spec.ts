/**
 * 建言献策 in Chromium against the real service: a bound box opens 建言献策 from its 25, picks one
 * of the village's topics with the remote, confirms once, and the topic says 已发送; the village's
 * operators find the suggestion, once, under the household.
 */
import { test, expect } from '@playwright/test';
import zhHans from '../../src/i18n/zh-Hans.json' with { type: 'json' };
import { DEFAULT_SUGGESTION_TOPICS } from '../../src/household/suggestions';
import {
  expectFocusedText,
  expectNoText,
  expectText,
  press,
  sample,
  sceneProblems,
  settle,
  textProblems,
  withPlatformSettings,
} from './tv';
import { bindShownBox, clerkToken, sampleHousehold } from './boundBox';

test('a household picks a topic in 建言献策 and confirms once: the TV says 已发送 and the village has it once', async ({
  page,
}, info) => {
  const { villageCode } = sample();
  // Not a household another test binds: each test's box and household are its own.
  const household = sampleHousehold(10);
  const auth = { authorization: `Bearer ${clerkToken()}` };

  await bindShownBox(page, household.id, zhHans['household.suggestEntry.detail']);

  // 25 → 建言献策 (under 一键求助 and 民意调查) → the second topic → OK → 确认发送.
  await press(page, 'ArrowDown', 2);
  await expectFocusedText(page, zhHans['household.suggestEntry']);
  await press(page, 'Enter');
  await expectFocusedText(page, DEFAULT_SUGGESTION_TOPICS[0]!);
  // OK, then 取消 (the dialog's first focus): nothing is sent, and the focus is back on the topic.
  const askFirst = zhHans['suggest.confirm'].replace('{topic}', DEFAULT_SUGGESTION_TOPICS[0]!);
  await press(page, 'Enter');
  await expectText(page, askFirst);
  await press(page, 'Enter');
  await expectNoText(page, askFirst);
  await expectFocusedText(page, DEFAULT_SUGGESTION_TOPICS[0]!);
  await press(page, 'ArrowDown');
  await expectFocusedText(page, DEFAULT_SUGGESTION_TOPICS[1]!);
  await press(page, 'Enter');
  await expectText(page, zhHans['suggest.confirm'].replace('{topic}', DEFAULT_SUGGESTION_TOPICS[1]!));
  // The dialog's safe answer (取消) has the focus first: ← to 确认发送, then OK.
  await press(page, 'ArrowLeft');
  await expectFocusedText(page, zhHans['suggest.confirm.yes']);
  await press(page, 'Enter');
  await expectFocusedText(page, zhHans['suggest.sentTag']);

  const listed = await page.request.get(`/api/suggestions?village=${villageCode}`, { headers: auth });
  const mine = ((await listed.json()) as { suggestions: { household: string; topic: string }[] }).suggestions.filter(
    (s) => s.household === household.id,
  );
  expect(mine).toEqual([expect.objectContaining({ topic: DEFAULT_SUGGESTION_TOPICS[1] })]);

  // The screen in every look: nothing cut off, overlapping or outside the safe area.
  for (const [look, settings] of [
    ['normal', {}],
    ['large', { largeText: true }],
    ['contrast', { highContrast: true }],
  ] as const) {
    if (look !== 'normal') {
      await withPlatformSettings(page, settings);
      // A fresh boot in the other look (a hash change alone would keep the running app).
      await page.goto('about:blank');
      await page.goto(`/?inspector=1&village=${villageCode}#suggest`);
      await expectFocusedText(page, DEFAULT_SUGGESTION_TOPICS[0]!);
    }
    await settle(page);
    await page.screenshot({ path: info.outputPath(`suggest-${look}.png`) });
    expect([...(await textProblems(page)), ...(await sceneProblems(page))], look).toEqual([]);
  }
});
