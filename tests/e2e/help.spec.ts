/**
 * 一键求助 in Chromium against the real service: a bound box presses B, picks 老人需要帮助 and
 * confirms; the request reaches the village's duty list within 5 s; the duty officer
 * acknowledges it with the CLI, and the box shows 已收到 without a reload.
 */
import { test, expect } from '@playwright/test';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import zhHans from '../../src/i18n/zh-Hans.json' with { type: 'json' };
import type { HouseholdsFile } from '../../src/household/pages';
import { expectFocusedText, expectText, openHome, press, sample, screenTexts } from './tv';

const PORT = Number(process.env.SANWU_TEST_PORT ?? 8391);
const SERVER = `http://127.0.0.1:${PORT}`;

const clerkToken = () =>
  readFileSync(`.test-data/e2e-${PORT}/operator-tokens.txt`, 'utf8')
    .split('\n')
    .find((line) => line.startsWith('clerk\t'))!
    .split('\t')[3]!;

const cli = (...args: string[]) =>
  new Promise<string>((resolve, reject) =>
    execFile(
      'node_modules/.bin/tsx',
      ['server/cli/sanwu.ts', ...args],
      { env: { ...process.env, SANWU_SERVER: SERVER, SANWU_TOKEN: clerkToken() } },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stdout}${stderr}`)) : resolve(stdout)),
    ),
  );

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
  const households = JSON.parse(
    readFileSync(`static/private/households/${villageCode}.json`, 'utf8'),
  ) as HouseholdsFile;
  // Not the household that household.spec.ts binds: each test's box and household are its own.
  const household = households.households[5]!;
  const auth = { authorization: `Bearer ${clerkToken()}` };

  await openHome(page);
  // An unbound box's B says it must be bound first, and how.
  await press(page, 'b');
  await expectText(page, zhHans['help.unbound.notes']);
  await press(page, 'Enter');
  await expectText(page, /^[0-9]{3} [0-9]{3}$/);
  const code = (await screenTexts(page)).find((s) => /^[0-9]{3} [0-9]{3}$/.test(s))!.replace(' ', '');
  const bound = await page.request.post('/api/households/bind', {
    headers: auth,
    data: { code, household: household.id },
  });
  expect(bound.status()).toBe(201);
  await expectText(page, zhHans['household.helpEntry']);
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
