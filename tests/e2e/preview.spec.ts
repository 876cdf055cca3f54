/**
 * The console's TV preview in Chromium on the real service (its own process and data directory):
 * a clerk's draft notice shows on the TV screen in the console's preview frame (read through the
 * TV app's inspector, as tv.ts does), the frame answers the remote's keys, and a real box (a plain
 * page on the feed) does not show the draft until it is published.
 */
import { test, expect, type Frame, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import { readSampleSignIns } from '../../server/seed/seedSample';
import { call, startService, type RunningService } from '../server/harness';
import { feedChannel, firstText } from './tv';

let service: RunningService;
test.beforeAll(async () => {
  service = await startService();
});
test.afterAll(async () => service?.stop());

const TITLE = '关于冬季用电安全的提醒';
const NOTICES = 14;

/** Texts on the TV app's screen (its inspector's mirror), in the page or the preview frame. */
const screenTexts = (target: Page | Frame) =>
  target.locator('[texture-text]:visible').evaluateAll((els) => els.map((e) => e.getAttribute('texture-text') ?? ''));
const expectOnScreen = (target: Page | Frame, text: string, shown: boolean) =>
  expect.poll(async () => (await screenTexts(target)).some((s) => s.includes(text)), { timeout: 20_000 }).toBe(shown);

test('a draft notice shows in the console’s TV preview, and on a real box only once published', async ({ browser }) => {
  const clerk = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  const password = readSampleSignIns(join(service.dataDir, 'operator-tokens.txt')).find(
    (s) => s.username === 'clerk',
  )!.password;
  // ?inspector=1 reaches the preview's TV app, whose screen the test then reads.
  await clerk.goto(`${service.url}/console/?inspector=1`);
  await clerk.getByLabel('登录名').fill('clerk');
  await clerk.getByLabel('密码').fill(password);
  await clerk.getByRole('button', { name: '登录' }).click();
  await clerk.getByRole('link', { name: '在「村务公开」新建通知' }).click();
  await clerk.getByLabel('标题').fill(TITLE);
  await clerk.getByLabel('正文').fill('天气转冷，请勿私拉电线，离家时关好电暖器。');
  await clerk.getByRole('button', { name: '提交审核' }).click();
  await expect(clerk.getByRole('status')).toHaveText('已提交审核。');

  // The preview frame: the TV app, opened on the notice itself, with the draft in it.
  await expect(clerk.getByTitle(/^电视预览/)).toBeVisible();
  const previewFrame = () => clerk.frames().find((f) => f.url().includes('/console/preview/tv/'));
  await expect.poll(previewFrame, { message: 'the preview frame' }).toBeTruthy();
  const tv = previewFrame()!;
  await expectOnScreen(tv, TITLE, true);
  const itemId = decodeURIComponent(/items\/\d+\/14\/([^/]+)$/.exec(clerk.url())![1]!);
  const hash = () => tv.evaluate(() => (window as unknown as { __sanwuDebug: { hash(): string } }).__sanwuDebug.hash());
  await expect.poll(hash).toBe(`read/${NOTICES}/${itemId}`);
  // Driven with the remote's keys once the frame has the focus: Back leads home (the preview opened on the notice).
  await clerk.getByRole('button', { name: '用遥控器按键操作预览' }).click();
  await clerk.keyboard.press('Backspace');
  await expect.poll(hash).toBe('home');
  const { violations } = await new AxeBuilder({ page: clerk }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await clerk.screenshot({ path: 'docs/console/tv-preview.png', fullPage: true });

  // A real box of the same village, on the published feed: the list, without the draft.
  const village = service.tokens.clerk.region;
  const box = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await box.goto(`${service.url}/?inspector=1&village=${village}#list/${NOTICES}`);
  await expectOnScreen(box, firstText(feedChannel(NOTICES)!), true);
  expect((await screenTexts(box)).some((s) => s.includes(TITLE))).toBe(false);

  // Approved and published (the review and publish pages are console.spec.ts's): now the box shows it.
  const drafts = await call(service, 'GET', '/api/drafts', service.tokens.committee.token);
  const draft = drafts.body.find((d: { item_id: string }) => d.item_id === itemId);
  expect((await call(service, 'POST', `/api/drafts/${draft.id}/approve`, service.tokens.committee.token)).status).toBe(
    200,
  );
  expect((await call(service, 'POST', '/api/publish', service.tokens.street.token)).status).toBe(200);
  // The box's next poll would bring it; a restart asks at once.
  await box.reload();
  await expectOnScreen(box, TITLE, true);
});
