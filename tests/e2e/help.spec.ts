/**
 * 一键求助 in Chromium against the real service: a bound box presses B, picks 老人需要帮助 and
 * confirms; the request reaches the village's duty list within 5 s; the duty officer
 * acknowledges it with the CLI, and the box shows 已收到 without a reload. And a box that cannot
 * reach the service keeps the request (待发送) through a reboot and delivers it exactly once.
 */
import { test, expect, type Page } from '@playwright/test';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import zhHans from '../../src/i18n/zh-Hans.json' with { type: 'json' };
import type { HouseholdsFile } from '../../src/household/pages';
import { expectFocusedText, expectText, focusedTexts, openHome, press, sample, screenTexts } from './tv';
import { clerkToken } from './boundBox';

const PORT = Number(process.env.SANWU_TEST_PORT ?? 8391);
const SERVER = `http://127.0.0.1:${PORT}`;

const cli = (...args: string[]) =>
  new Promise<string>((resolve, reject) =>
    execFile(
      'node_modules/.bin/tsx',
      ['server/cli/sanwu.ts', ...args],
      { env: { ...process.env, SANWU_SERVER: SERVER, SANWU_TOKEN: clerkToken() } },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stdout}${stderr}`)) : resolve(stdout)),
    ),
  );

const households = () =>
  (JSON.parse(readFileSync(`static/private/households/${sample().villageCode}.json`, 'utf8')) as HouseholdsFile)
    .households;

/** From home: B on an unbound box leads to its pairing code; the clerk binds it to `household`. */
const bindFromHelp = async (page: Page, household: string) => {
  await openHome(page);
  // An unbound box's B says it must be bound first, and how.
  await press(page, 'b');
  await expectText(page, zhHans['help.unbound.notes']);
  await press(page, 'Enter');
  await expectText(page, /^[0-9]{3} [0-9]{3}$/);
  const code = (await screenTexts(page)).find((s) => /^[0-9]{3} [0-9]{3}$/.test(s))!.replace(' ', '');
  const bound = await page.request.post('/api/households/bind', {
    headers: { authorization: `Bearer ${clerkToken()}` },
    data: { code, household },
  });
  expect(bound.status()).toBe(201);
  await expectText(page, zhHans['household.helpEntry']);
};

/** The village's duty list, as the duty officer's API gives it, for one household. */
const dutyOf = async (page: Page, household: string): Promise<DutyRequest[]> => {
  const answer = await page.request.get(`/api/help?village=${sample().villageCode}`, {
    headers: { authorization: `Bearer ${clerkToken()}` },
  });
  expect(answer.status()).toBe(200);
  return ((await answer.json()) as DutyRequest[]).filter((r) => r.household === household);
};

/** On the status screen: 再次求助 (the last row), 看病, then 发送 in the dialog. */
const askAgain = async (page: Page) => {
  for (let i = 0; i < 8 && !(await focusedTexts(page)).includes(zhHans['help.again']); i++)
    await press(page, 'ArrowDown');
  await expectFocusedText(page, zhHans['help.again']);
  await press(page, 'Enter');
  await expectFocusedText(page, zhHans['help.kind.medical']);
  await press(page, 'Enter');
  await expectText(page, '发送求助：看病？');
  await press(page, 'ArrowLeft');
  await press(page, 'Enter');
};

interface DutyRequest {
  id: number;
  household: string;
  kind: string;
  status: string;
}

test('B, 老人需要帮助, confirm: the duty list has it within 5 s, and the CLI acknowledgement shows on the TV as 已收到', async ({
  page,
}) => {
  const { villageCode } = sample();
  // Not the household that household.spec.ts binds: each test's box and household are its own.
  const household = households()[5]!;
  const auth = { authorization: `Bearer ${clerkToken()}` };
  await bindFromHelp(page, household.id);
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

  // From the household's page, as from any screen: B, the second kind, OK, then 发送 in the dialog.
  await press(page, 'b');
  await expectFocusedText(page, zhHans['help.kind.medical']);
  await press(page, 'ArrowDown');
  await expectFocusedText(page, zhHans['help.kind.elderly']);
  await press(page, 'Enter');
  await expectText(page, '发送求助：老人需要帮助？');
  await press(page, 'ArrowLeft');
  const confirmedAt = Date.now();
  await press(page, 'Enter');

  let arrived: DutyRequest | undefined;
  await expect
    .poll(
      async () => {
        const list = (await (
          await page.request.get(`/api/help?village=${villageCode}`, { headers: auth })
        ).json()) as DutyRequest[];
        arrived = list.find((r) => r.household === household.id);
        return arrived?.kind;
      },
      { timeout: 5_000, intervals: [100, 200] },
    )
    .toBe('elderly');
  const reachedMs = Date.now() - confirmedAt;
  console.log(`help request on the duty list ${reachedMs} ms after OK`);
  expect(reachedMs).toBeLessThan(5_000);
  await expectText(page, zhHans['help.status.sent']);

  const acknowledged = await cli('help', 'ack', String(arrived!.id));
  expect(acknowledged).toContain(`求助 #${arrived!.id} 已改为「已收到」`);
  await expectText(page, zhHans['help.status.acknowledged']);
  await expectText(page, zhHans['help.explain.acknowledged']);
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
});

test('a box that cannot reach the service keeps the help request as 待发送 through a reboot, and delivers it exactly once when back', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const household = households()[6]!.id;
  await bindFromHelp(page, household);
  // The network drops whatever the box sends about help (its requests and their status).
  const helpEndpoints = /\/box\/help/;
  await page.route(helpEndpoints, (route) => route.abort('internetdisconnected'));

  await press(page, 'b');
  await expectFocusedText(page, zhHans['help.kind.medical']);
  await press(page, 'Enter');
  await expectText(page, '发送求助：看病？');
  await press(page, 'ArrowLeft');
  await press(page, 'Enter');
  await expectText(page, zhHans['help.status.pending']);
  await expectText(page, zhHans['help.offline']);
  expect(await dutyOf(page, household)).toEqual([]);

  // A reboot while still cut off: the request is kept in the box's storage, and B shows it waiting.
  await page.reload();
  await expect(page.locator('[ref="Tab-village"]')).toBeVisible({ timeout: 30_000 });
  await press(page, 'b');
  await expectText(page, zhHans['help.status.pending']);
  expect(await dutyOf(page, household)).toEqual([]);

  // Back online: the open help screen sends it by itself, and its status moves on.
  await page.unroute(helpEndpoints);
  await expectText(page, zhHans['help.status.sent'], 15_000);
  const [arrived] = await dutyOf(page, household);
  expect(arrived?.kind).toBe('medical');
  // Two more rounds of the screen's watch (each sends whatever is still queued): still one, nothing kept.
  for (let i = 0; i < 2; i++) await page.waitForRequest(/\/box\/help\/status/, { timeout: 15_000 });
  expect(await dutyOf(page, household)).toHaveLength(1);
  expect(await page.evaluate(() => Object.entries(localStorage).find(([k]) => k.endsWith('outbox'))?.[1])).toBe('[]');

  const acknowledged = await page.request.post(`/api/help/${arrived!.id}`, {
    headers: { authorization: `Bearer ${clerkToken()}` },
    data: { status: 'acknowledged' },
  });
  expect(acknowledged.status()).toBe(200);
  await expectText(page, zhHans['help.status.acknowledged']);

  // Two more this hour are taken; the fourth is refused, and the TV says so in plain words.
  for (let sent = 2; sent <= 3; sent++) {
    await askAgain(page);
    await expect.poll(async () => (await dutyOf(page, household)).length).toBe(sent);
  }
  await askAgain(page);
  await expectText(page, zhHans['help.tooMany']);
  expect(await dutyOf(page, household)).toHaveLength(3);
});
