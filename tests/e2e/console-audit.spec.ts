/**
 * The console's official form, audit log and versions in Chromium on the real service: a clerk
 * adds an official with a photo cropped in the browser (cut on the server) and sees them in the
 * TV preview; the audit log shows that sign-in and edit with the chain verified, also at 360 px;
 * a published version lists what it added, and a roll-back shows what boxes would lose before it
 * runs. Each page passes axe-core with no serious or critical violation; screenshots go to docs/console/.
 */
import { test, expect, type Frame } from '@playwright/test';
import sharp from 'sharp';
import { call } from '../server/harness';
import { checkPage, useConsoleService } from './consoleSession';

test.describe.configure({ mode: 'serial' });

const NAME = '赵秀兰';
const PEOPLE = 12;

const session = useConsoleService();
const { signIn } = session;

const screenTexts = (target: Frame) =>
  target.locator('[texture-text]:visible').evaluateAll((els) => els.map((e) => e.getAttribute('texture-text') ?? ''));

test('an official added with a photo cropped in the browser shows in the TV preview', async ({ browser }, testInfo) => {
  const clerk = await signIn(browser, 'clerk', { query: '?inspector=1' });
  await clerk.getByRole('link', { name: '在「两委成员」新建条目' }).click();
  await clerk.getByLabel('姓名').fill(NAME);
  await clerk.getByLabel('职务').fill('村妇联主席');
  await clerk.getByLabel('分管工作').fill('妇女儿童工作、计划生育服务');
  await clerk.getByLabel('工作电话（全部显示）').fill('0533-6123456');
  const photo = testInfo.outputPath('portrait.png');
  await sharp({ create: { width: 1200, height: 1600, channels: 3, background: '#c85' } })
    .png()
    .toFile(photo);
  await clerk.getByLabel('选择照片（可用手机拍照）').setInputFiles(photo);
  // A frame drawn from a quarter to three quarters of the width, a tenth to a half of the height.
  const surface = clerk.getByTestId('crop-surface');
  await expect.poll(() => surface.locator('img').evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(1200);
  await surface.scrollIntoViewIfNeeded();
  const box = (await surface.boundingBox())!;
  await clerk.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.1);
  await clerk.mouse.down();
  await clerk.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.5, { steps: 5 });
  await clerk.mouse.up();
  await expect(surface).toHaveAttribute('aria-label', '照片，已框出要保留的部分');
  await checkPage(clerk, 'person-crop');
  await clerk.getByRole('button', { name: '裁剪并使用这张照片' }).click();
  // Half of 1200 by four tenths of 1600, give or take the pixel the drag lands on.
  const size = await clerk.locator('.person-photo figcaption').textContent();
  const [, width, height] = /（(\d+)×(\d+)）/.exec(size ?? '')!.map(Number);
  expect(Math.abs(width! - 600)).toBeLessThanOrEqual(6);
  expect(Math.abs(height! - 640)).toBeLessThanOrEqual(6);
  await clerk.getByRole('button', { name: '提交审核' }).click();
  await expect(clerk.getByRole('status')).toHaveText('已提交审核。');
  const drafts = (await call(session.service, 'GET', '/api/drafts', session.service.tokens.clerk.token)).body as {
    channel: number;
    body: { name: string; photo: { src: string; width: number; height: number } };
  }[];
  const draft = drafts.find((d) => d.channel === PEOPLE && d.body.name === NAME)!;
  expect(draft.body.photo).toEqual({ src: expect.stringMatching(/^media\/[0-9a-f]{64}\.jpg$/), width, height });

  await expect(clerk.getByTitle(/^电视预览/)).toBeVisible();
  const previewFrame = () => clerk.frames().find((f) => f.url().includes('/console/preview/tv/'));
  await expect.poll(previewFrame, { message: 'the preview frame' }).toBeTruthy();
  await expect
    .poll(async () => (await screenTexts(previewFrame()!)).some((s) => s.includes(NAME)), { timeout: 20_000 })
    .toBe(true);
  await checkPage(clerk, 'person-form');
});

test('the audit log shows the sign-in and the edit with the chain verified, also 360 px wide', async ({ browser }) => {
  const clerk = await signIn(browser, 'clerk');
  await clerk.getByRole('link', { name: '操作记录' }).click();
  await expect(clerk.getByRole('heading', { level: 1, name: '操作记录' })).toBeVisible();
  await expect(clerk.getByTestId('chain-status')).toContainText('记录链完整');
  const rows = clerk.locator('tbody tr');
  await expect(rows.filter({ hasText: '保存草稿' }).filter({ hasText: '两委成员 ·' }).first()).toBeVisible();
  await expect(rows.filter({ hasText: '登录' }).first()).toBeVisible();
  await clerk.locator('#audit-action').selectOption({ label: '保存草稿' });
  await expect(rows.filter({ hasNotText: '保存草稿' })).toHaveCount(0);
  await expect(rows.first()).toContainText('两委成员 ·');
  await checkPage(clerk, 'audit');

  // A phone: the page does not scroll sideways (the table scrolls in its own box).
  await clerk.setViewportSize({ width: 360, height: 740 });
  await expect(clerk.getByTestId('chain-status')).toBeVisible();
  expect(await clerk.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await checkPage(clerk, 'audit-360');
});

test('a published version lists what it added; a roll-back first shows what boxes would lose', async ({ browser }) => {
  const { admin } = session.service.tokens;
  const drafts = (await call(session.service, 'GET', '/api/drafts', admin.token)).body as {
    id: number;
    channel: number;
  }[];
  for (const d of drafts.filter((d) => d.channel === PEOPLE))
    expect((await call(session.service, 'POST', `/api/drafts/${d.id}/approve`, admin.token)).status).toBe(200);
  expect((await call(session.service, 'POST', '/api/publish', admin.token, {})).status).toBe(200);

  const page = await signIn(browser, 'admin');
  await page.getByRole('link', { name: '版本记录' }).click();
  const newest = page.locator('tbody tr').first();
  await newest.getByText('查看改动').click();
  await expect(newest.getByRole('heading', { name: '新增 1 条' })).toBeVisible();
  await expect(newest.getByRole('link', { name: new RegExp(`两委成员 · ${NAME}`) })).toBeVisible();

  await page
    .locator('tbody tr')
    .nth(1)
    .getByRole('button', { name: /^回滚到版本/ })
    .click();
  const confirm = page.getByRole('region', { name: /^确认回滚到版本/ });
  await expect(confirm.getByRole('heading', { name: '电视上将消失 1 条' })).toBeVisible();
  await expect(confirm).toContainText(`两委成员 · ${NAME}`);
  await checkPage(page, 'versions-rollback');
  await confirm.getByRole('button', { name: /^确认回滚到版本/ }).click();
  await expect(page.getByRole('status')).toContainText('已回滚到版本');
  await expect(page.locator('tbody tr').first()).toContainText('回滚');
});
