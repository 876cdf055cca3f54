/**
 * No silent blank screen: when boot throws, or the app shows no first page in time, the
 * loader's plain HTML says so in Chinese with the engine's error, and the box reports it to
 * the service, whose log and `sanwu boot-failures` show it. An error the boot survives shows
 * nothing; a message never stays over a page that did show. The report endpoint is open to
 * boxes, so it is size-capped and rate-limited. Failures are forced by serving a broken bundle.
 */
import { test, expect, type Page } from '@playwright/test';
import { execFile } from 'node:child_process';
import zhHans from '../../src/i18n/zh-Hans.json' with { type: 'json' };
import { call, startService, type RunningService } from '../server/harness';

test.describe.configure({ mode: 'serial' });

let service: RunningService;
test.beforeAll(async () => {
  service = await startService();
});
test.afterAll(async () => {
  await service?.stop();
});

const cli = (...args: string[]) =>
  new Promise<string>((resolve, reject) =>
    execFile(
      'npx',
      ['tsx', 'server/cli/sanwu.ts', ...args],
      { env: { ...process.env, SANWU_SERVER: service.url, SANWU_TOKEN: service.tokens.admin.token } },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)),
    ),
  );

/** Serves the legacy bundle as `body` instead of the real one. */
const breakBundle = (page: Page, body: string) =>
  page.route('**/app.legacy.js', (route) => route.fulfill({ contentType: 'text/javascript', body }));

/** Serves the real legacy bundle with `script` run before it. */
const prefixBundle = (page: Page, script: string) =>
  page.route('**/app.legacy.js', async (route) =>
    route.fulfill({ contentType: 'text/javascript', body: `${script}\n${await (await route.fetch()).text()}` }),
  );

/** Every value the page's `data-boot` takes, in order: whether a message came before home. */
const recordBootStates = (page: Page) =>
  page.addInitScript(() => {
    const states: string[] = [];
    (window as unknown as { __bootStates: string[] }).__bootStates = states;
    new MutationObserver(() => {
      const state = document.documentElement.getAttribute('data-boot');
      if (state && states[states.length - 1] !== state) states.push(state);
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-boot'] });
  });
const bootStates = (page: Page) => page.evaluate(() => (window as unknown as { __bootStates: string[] }).__bootStates);
const reportCount = async () =>
  ((await call(service, 'GET', '/api/boot-failures', service.tokens.admin.token)).body as unknown[]).length;

test('a bundle that throws while booting: the loader shows why, and the service hears of it', async ({
  page,
}, testInfo) => {
  await breakBundle(page, "throw new Error('forced boot failure');");
  await page.goto(`${service.url}/?bundle=legacy`);
  const message = page.locator('#boot-error');
  await expect(message).toContainText(zhHans['boot.failed']);
  await expect(message).toContainText('forced boot failure');
  await expect(page.locator('canvas')).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('data-boot', 'failed');
  const shot = testInfo.outputPath('boot-failure-message.png');
  await page.screenshot({ path: shot });
  await testInfo.attach('boot-failure-message', { path: shot, contentType: 'image/png' });

  await expect
    .poll(async () => (await call(service, 'GET', '/api/boot-failures', service.tokens.admin.token)).body.length)
    .toBe(1);
  const [report] = (await call(service, 'GET', '/api/boot-failures', service.tokens.admin.token)).body;
  expect(report.bundle).toBe('app.legacy.js');
  expect(report.error).toContain('forced boot failure');
  expect(report.userAgent).toContain('Chrome');
  expect(service.log()).toContain('box boot failure');
  expect(service.log()).toContain('forced boot failure');
  const listed = await cli('boot-failures');
  expect(listed).toContain('forced boot failure');
  expect(listed).toContain('app.legacy.js');
});

test('an error the boot survives (a script it does not need): home shows, and no message ever', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await recordBootStates(page);
  await prefixBundle(page, "setTimeout(function () { throw new Error('harmless extension error'); }, 0);");
  const before = await reportCount();
  await page.goto(`${service.url}/?bundle=legacy&village=370703001001&inspector=1`);
  await expect(page.locator('html')).toHaveAttribute('data-boot', 'shown', { timeout: 30_000 });
  await expect(page.locator('[ref="Tab-village"]')).toBeVisible();
  expect(errors).toContain('harmless extension error');
  expect(await bootStates(page), 'no failure message before home').toEqual(['shown']);
  await expect(page.locator('#boot-error')).toHaveCount(0);
  expect(await reportCount()).toBe(before);
});

test('an error after which nothing shows: the message, with that error, once its grace is over', async ({ page }) => {
  await recordBootStates(page);
  await breakBundle(page, "setTimeout(function () { throw new Error('boot stopped in a timer'); }, 0);");
  await page.goto(`${service.url}/?bundle=legacy&bootGrace=1500`);
  await expect(page.locator('#boot-error')).toContainText(zhHans['boot.failed']);
  await expect(page.locator('#boot-error')).toContainText('boot stopped in a timer');
  expect(await bootStates(page)).toEqual(['failed']);
  await expect
    .poll(async () =>
      JSON.stringify((await call(service, 'GET', '/api/boot-failures', service.tokens.admin.token)).body),
    )
    .toContain('boot stopped in a timer');
});

test('a box slower than the patience: the message gives way to home when it does show', async ({ page }) => {
  await recordBootStates(page);
  await page.goto(`${service.url}/?bundle=legacy&village=370703001001&bootPatience=200`);
  await expect(page.locator('html')).toHaveAttribute('data-boot', 'shown', { timeout: 30_000 });
  expect(await bootStates(page)).toEqual(['failed', 'shown']);
  await expect(page.locator('#boot-error')).toHaveCount(0);
  await expect(page.locator('canvas')).toBeVisible();
});

test('a bundle that never shows a page: the watchdog speaks after its patience', async ({ page }) => {
  await breakBundle(page, '/* loads, then nothing */');
  await page.goto(`${service.url}/?bundle=legacy&bootPatience=3000`);
  await expect(page.locator('#boot-error')).toContainText(zhHans['boot.failed']);
  await expect(page.locator('#boot-error')).toContainText('nothing shown after 3000 ms');
});

test('a box that boots normally: the watchdog stands down once the first page is on screen', async ({ page }) => {
  await page.goto(`${service.url}/?bundle=legacy&village=370703001001`);
  await expect(page.locator('html')).toHaveAttribute('data-boot', 'shown', { timeout: 30_000 });
  // A late error (or the timer firing) no longer covers a working screen.
  await page.evaluate(() => (window as unknown as { sanwuBootFailed(error: string): void }).sanwuBootFailed('late'));
  await expect(page.locator('#boot-error')).toHaveCount(0);
  await expect(page.locator('canvas')).toHaveCount(1);
});

test('the report endpoint takes small reports only, and a few per box', async () => {
  const post = (body: string) =>
    fetch(`${service.url}/box/boot-failures`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body });
  expect((await post(JSON.stringify({ error: 'x'.repeat(10_000) }))).status).toBe(413);
  expect((await post(JSON.stringify({ bundle: 'app.js' }))).status).toBe(422);
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++)
    statuses.push((await post(JSON.stringify({ error: `flood ${i}\nforged log line`, bundle: 'app.js' }))).status);
  expect(statuses).toContain(429);
  expect((await call(service, 'GET', '/api/boot-failures', null)).status).toBe(401);
  // Reports carry boxes' addresses: a village clerk does not read them, the district does.
  expect((await call(service, 'GET', '/api/boot-failures', service.tokens.clerk.token)).status).toBe(403);
  const listed = (await call(service, 'GET', '/api/boot-failures', service.tokens.admin.token)).body as {
    error: string;
  }[];
  expect(listed.every((report) => !/[\n\r]/.test(report.error))).toBe(true);
});
