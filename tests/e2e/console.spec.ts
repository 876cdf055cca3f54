/**
 * The operators' console in Chromium on the real service (its own process and data directory,
 * so the TV tests' feed is left alone): the clerk submits a notice, the committee sends it back
 * with a reason and then approves it, the street publishes it at a set time, and a clerk cannot
 * open another village by URL. Each page passes axe-core with no serious or critical violation,
 * and its screenshot is kept in docs/console/.
 */
import { test, expect } from '@playwright/test';
import { readSample } from '../server/harness';
import { checkPage, PHONE, useConsoleService } from './consoleSession';

test.describe.configure({ mode: 'serial' });

const session = useConsoleService();
const { newPage, signIn } = session;

const TITLE = '关于调整垃圾清运时间的通知';

test('the clerk signs in on a phone-sized screen and submits a notice for review', async ({ browser }) => {
  const page = await newPage(browser, { viewport: PHONE });
  await page.goto(`${session.service.url}/console/`);
  await checkPage(page, 'sign-in');
  await page.getByLabel('登录名').fill('clerk');
  await page.getByLabel('密码').fill('wrong-password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toHaveText('登录名或密码不对');
  await page.getByLabel('密码').fill(session.passwords.clerk!);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible();
  // Nothing fits wider than the phone's screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await expect(page.getByRole('heading', { name: '逾期未更新的栏目' })).toBeVisible();
  await checkPage(page, 'dashboard-clerk');
  await page.getByRole('link', { name: '在「村务公开」新建通知' }).click();
  await page.getByLabel('标题').fill(TITLE);
  await page.getByLabel('正文').fill('自十二月一日起，垃圾清运改为每周二、五上午。');
  await page.getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByRole('status')).toHaveText('已提交审核。');
  await expect(page.getByText('等待审核')).toBeVisible();
  await checkPage(page, 'notice-form');
});

test('the committee sends the draft back with a reason, the clerk fixes it, the committee approves it', async ({
  browser,
}) => {
  const committee = await signIn(browser, 'committee');
  await expect(committee).toHaveTitle(/^\(1\) 工作台/);
  await committee.getByRole('link', { name: '1 份草稿等您审核' }).click();
  const draft = committee.getByRole('article');
  await expect(draft.getByRole('cell', { name: TITLE })).toBeVisible();
  await checkPage(committee, 'review');
  // A reason is required: sending back without one says so next to the field.
  await draft.getByRole('button', { name: '退回' }).click();
  await expect(draft.getByRole('alert')).toHaveText('退回时请写明理由');
  await draft.getByLabel('退回理由（必填）').fill('请写明清运时间是上午几点');
  await draft.getByRole('button', { name: '退回' }).click();
  await expect(committee.getByRole('status')).toContainText('已退回');
  await expect(committee.getByText('没有等待审核的草稿。')).toBeVisible();

  const clerk = await signIn(browser, 'clerk');
  await expect(clerk.getByText('请写明清运时间是上午几点')).toBeVisible();
  await clerk.getByRole('link', { name: /村务公开 · notice-/ }).click();
  await expect(clerk.getByText('退回理由：请写明清运时间是上午几点')).toBeVisible();
  await expect(clerk.getByLabel('标题')).toHaveValue(TITLE);
  await clerk.getByLabel('正文').fill('自十二月一日起，垃圾清运改为每周二、五上午八点至十点。');
  await clerk.getByRole('button', { name: '提交审核' }).click();
  await expect(clerk.getByRole('status')).toHaveText('已提交审核。');

  // The committee's page was open all along: a reload shows what arrived since.
  await committee.reload();
  await expect(committee.getByRole('cell', { name: /上午八点至十点/ })).toBeVisible();
  await committee.getByRole('button', { name: '批准' }).click();
  await expect(committee.getByRole('status')).toContainText('已批准');
  await expect(committee).toHaveTitle(/^待审草稿/);
});

test('the street publishes at a set time, and the versions list says who published', async ({ browser }) => {
  const street = await signIn(browser, 'street');
  await street.getByRole('link', { name: '发布', exact: true }).click();
  await expect(street.getByRole('link', { name: /村务公开 · notice-/ })).toBeVisible();
  await checkPage(street, 'publish');
  // A few seconds ahead, in China time as the picker shows it: the scheduler runs it.
  const at = new Date(Date.now() + 8 * 3_600_000 + 5_000).toISOString().slice(0, 19);
  await street.getByLabel('发布时间（北京时间）').fill(at);
  await street.getByRole('button', { name: '按时发布' }).click();
  await expect(street.getByRole('status')).toHaveText(`已安排在 ${at.replace('T', ' ').slice(0, 16)} 发布。`);
  await street.getByRole('link', { name: '版本记录' }).click();
  const row = street.getByRole('row').filter({ hasText: '街道审核员' });
  await expect(async () => {
    await street.reload();
    await expect(row.first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(row.first()).toContainText('发布');
  await checkPage(street, 'versions');
  // The notice itself is now published (its revision, as the API lists it).
  const tokens = session.service.tokens;
  const drafts = await fetch(`${session.service.url}/api/drafts?status=published`, {
    headers: { authorization: `Bearer ${tokens.clerk.token}` },
  }).then((r) => r.json());
  expect(drafts.some((d: { body: { title?: string } }) => d.body?.title === TITLE)).toBe(true);
});

test('a clerk cannot open another village by URL', async ({ browser }) => {
  const clerk = await signIn(browser, 'clerk');
  const other = readSample('district.json').streets[1].villages[0].code as string;
  await clerk.goto(`${session.service.url}/console/#/items/${other}/14/new`);
  await expect(clerk.getByRole('alert')).toHaveText('您没有这项操作的权限');
  await expect(clerk.getByLabel('标题')).toHaveCount(0);
  await checkPage(clerk, 'refused');
});
