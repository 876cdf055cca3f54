/**
 * A villager's box bound to their household, in Chromium against the real service: the box
 * shows a pairing code in its 家庭 section, the clerk binds it with the CLI, and without a
 * reload or a key the TV shows the household's subsidies (21) and record (23). A second box
 * and a forged household id read nothing of it.
 */
import { test, expect, type Page } from '@playwright/test';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import zhHans from '../../src/i18n/zh-Hans.json' with { type: 'json' };
import type { HouseholdsFile } from '../../src/household/pages';
import { expectNoText, expectText, goToTile, openHome, press, sample, screenTexts, withPlatformSettings } from './tv';
import { clerkToken } from './boundBox';

const PORT = Number(process.env.SANWU_TEST_PORT ?? 8391);
const SERVER = `http://127.0.0.1:${PORT}`;

/** The sample clerk's token, from the test service's first start (playwright.config.ts's webServer). */

const cli = (...args: string[]) =>
  new Promise<string>((resolve, reject) =>
    execFile(
      'node_modules/.bin/tsx',
      ['server/cli/sanwu.ts', ...args],
      { env: { ...process.env, SANWU_SERVER: SERVER, SANWU_TOKEN: clerkToken() } },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stdout}${stderr}`)) : resolve(stdout)),
    ),
  );

/** Opens 我家补贴 (21) from home by its tile, as a villager does. */
const openSubsidies = async (page: Page) => {
  await goToTile(page, 'household', 0);
  await press(page, 'Enter');
};

/** The pairing code and box id the screen shows. */
const pairingOnScreen = async (page: Page) => {
  await expectText(page, /^[0-9]{3} [0-9]{3}$/);
  const texts = await screenTexts(page);
  return {
    code: texts.find((s) => /^[0-9]{3} [0-9]{3}$/.test(s))!.replace(' ', ''),
    boxId: /本机编号 ([0-9A-F-]{14})/.exec(texts.join('\n'))?.[1],
  };
};

test('a box pairs, the clerk binds it with the CLI, and the TV shows 21 and 23 without a reload; another box and a forged id read nothing', async ({
  page,
  browser,
}, testInfo) => {
  const { villageCode } = sample();
  const households = JSON.parse(
    readFileSync(`static/private/households/${villageCode}.json`, 'utf8'),
  ) as HouseholdsFile;
  // The test service starts on a fresh data directory: no box is bound to any household yet.
  const household = households.households[0]!;
  const subsidies = household.pages.find((p) => p.channel === 21)!;
  const record = household.pages.find((p) => p.channel === 23)!;
  if (subsidies.channel !== 21 || record.channel !== 23) throw new Error('sample pages out of order');

  await withPlatformSettings(page, { deviceId: 'STB-E2E-0001' });
  await openHome(page);
  await openSubsidies(page);
  await expectText(page, zhHans['household.unbound.title']);
  const first = await pairingOnScreen(page);
  expect(first.boxId).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
  await expectText(page, '设备号 STB-E2E-0001');
  // Nothing of the household before it is bound.
  await expectNoText(page, `尾号 ${subsidies.content.payments[0]!.accountTail}`, 500);
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

  // A second box, in a browser of its own: its own code and id.
  const other = await browser.newContext(testInfo.project.use);
  const second = await other.newPage();
  await openHome(second);
  await openSubsidies(second);
  const secondPairing = await pairingOnScreen(second);
  expect(secondPairing.boxId).not.toBe(first.boxId);
  expect(secondPairing.code).not.toBe(first.code);

  // A forged household id binds nothing (through the API the console uses; the CLI is its client).
  const forged = await second.request.post('/api/households/bind', {
    headers: { authorization: `Bearer ${clerkToken()}` },
    data: { code: secondPairing.code, household: `${villageCode}-h999` },
  });
  expect(forged.status()).toBe(404);
  expect(((await forged.json()) as { error: { zh: string } }).error.zh).toContain(
    `没有编号为 ${villageCode}-h999 的家庭`,
  );

  const bound = await cli('bind', first.code, '--household', household.id);
  expect(bound).toContain(`机顶盒 ${first.boxId} 已绑定家庭 ${household.id}`);
  // The TV leaves the code for the household's subsidies by itself: the payments with 尾号 only.
  const payment = subsidies.content.payments[0]!;
  await expectText(page, `尾号 ${payment.accountTail}`);
  await expectText(page, payment.office);
  await expectNoText(page, zhHans['household.pair.codeLabel']);
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);

  // Back home, the household's tiles are no longer locked; 23 shows the members, masked.
  await press(page, 'Backspace');
  await expect(page.locator('[ref="Channel-21"] [ref="Lock"] [ref="Label"]')).toBeHidden();
  await goToTile(page, 'household', 2);
  await press(page, 'Enter');
  await expectText(page, `家庭成员 ${record.content.members.length} 人`);
  await expectText(page, record.content.members[0]!.name);
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);

  // The second box still shows only its pairing code, and none of the household.
  await expectText(second, `${secondPairing.code.slice(0, 3)} ${secondPairing.code.slice(3)}`);
  await expectNoText(second, `尾号 ${payment.accountTail}`, 500);
  await expectNoText(second, record.content.members[0]!.name, 500);
  await other.close();
});
