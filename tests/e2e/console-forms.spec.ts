/**
 * The console's edit forms in Chromium on the real service (its own process and data directory):
 * an article in the small Markdown with a photo the service shrinks, a table pasted from a
 * spreadsheet whose unmasked name the service refuses next to its cell (and stores nothing), a
 * contact whose bad phone number is named next to the field, an alert that asks for a
 * confirmation, and a correction of a published notice, confirmed with what boxes will see. Each page passes axe-core with no serious or critical violation, and its
 * screenshot is kept in docs/console/.
 */
import { test, expect } from '@playwright/test';
import sharp from 'sharp';
import type { ChannelOfKind } from '../../src/feed/schema';
import { call } from '../server/harness';
import { checkPage, useConsoleService } from './consoleSession';
import { sample } from './tv';

test.describe.configure({ mode: 'serial' });

const session = useConsoleService();
const { signIn } = session;

/** The clerk's drafts as the API lists them. */
const draftsOf = async (role: 'clerk' | 'street' | 'admin') =>
  (await call(session.service, 'GET', '/api/drafts', session.service.tokens[role].token)).body as {
    item_id: string;
    body: Record<string, unknown>;
  }[];

test('an article in the small Markdown editor, with a photo the service shrinks for the TV', async ({
  browser,
}, testInfo) => {
  const clerk = await signIn(browser, 'clerk');
  await clerk.getByRole('link', { name: '在「党务公开」新建通知' }).click();
  await clerk.getByLabel('标题').fill('党员冬训安排');
  await clerk.getByLabel('正文').fill('## 时间\n\n十二月十日上午九点。\n\n- 带好学习笔记\n- 按时签到');
  const photo = testInfo.outputPath('photo.png');
  await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#3a7' } })
    .png()
    .toFile(photo);
  await clerk.getByLabel('添加照片').setInputFiles(photo);
  await clerk.getByLabel('照片 1（1920×1280）的说明（可不填）').fill('党员活动室');
  await clerk.getByRole('button', { name: '提交审核' }).click();
  await expect(clerk.getByRole('status')).toHaveText('已提交审核。');
  const draft = (await draftsOf('clerk')).find((d) => d.body.title === '党员冬训安排')!;
  expect(draft.body.body).toEqual(['【时间】', '十二月十日上午九点。', '· 带好学习笔记', '· 按时签到']);
  expect(draft.body.photos).toEqual([
    { src: expect.stringMatching(/^media\/[0-9a-f]{64}\.jpg$/), width: 1920, height: 1280, caption: '党员活动室' },
  ]);
  await expect(clerk.getByTitle(/^电视预览/)).toBeVisible();
  await checkPage(clerk, 'article-form');
});

test('a table pasted from a spreadsheet: an unmasked name is refused next to its cell, and nothing is stored', async ({
  browser,
}) => {
  const clerk = await signIn(browser, 'clerk');
  await clerk.getByRole('link', { name: '在「资产资源」新建条目' }).click();
  await clerk.getByLabel('标题').fill('村集体机动地承包情况');
  await clerk.getByLabel('第 1 列名称').fill('地块');
  await clerk.getByLabel('第 2 列名称').fill('承包人');
  await clerk.getByLabel('第 2 列类型').selectOption('masked');
  await clerk.getByRole('button', { name: '加一列' }).click();
  await clerk.getByLabel('第 3 列名称').fill('年租金');
  await clerk.getByLabel('第 3 列类型').selectOption('money');
  await clerk.getByLabel('从电子表格粘贴').fill('地块\t承包人\t年租金\n东洼5亩\t王建国\t2,500\n西岭3亩\t李*\t1500.5\n');
  await clerk.getByRole('button', { name: '把粘贴的行加到表格' }).click();
  await expect(clerk.getByLabel('第 2 行「年租金」')).toHaveValue('1500.5');
  await clerk.getByRole('button', { name: '提交审核' }).click();
  const cell = clerk.getByLabel('第 1 行「承包人」');
  await expect(cell).toHaveAttribute('aria-invalid', 'true');
  await expect(clerk.locator('#cell-0-1-problems')).toContainText('打码');
  await expect(clerk.getByRole('alert')).toContainText('每处问题已写在对应的输入框下面');
  expect((await draftsOf('clerk')).some((d) => d.body.title === '村集体机动地承包情况')).toBe(false);
  await checkPage(clerk, 'table-form-refused');
  await cell.fill('王*国');
  await clerk.getByRole('button', { name: '提交审核' }).click();
  await expect(clerk.getByRole('status')).toHaveText('已提交审核。');
  const draft = (await draftsOf('clerk')).find((d) => d.body.title === '村集体机动地承包情况')!;
  expect(draft.body.rows).toEqual([
    { c1: '东洼5亩', c2: '王*国', c3: 250000 },
    { c1: '西岭3亩', c2: '李*', c3: 150050 },
  ]);
});

test('a contact: a phone that is no work number is named next to the field', async ({ browser }) => {
  const street = await signIn(browser, 'street');
  await street.getByRole('link', { name: '在「联系通讯录」新建条目' }).click();
  await street.getByLabel('姓名').fill('赵立新');
  await street.getByLabel('单位').fill('街道便民服务中心');
  await street.getByLabel('职务').fill('主任');
  await street.getByLabel('工作电话').fill('电话7651234');
  await street.getByRole('button', { name: '提交审核' }).click();
  await expect(street.getByLabel('工作电话')).toHaveAttribute('aria-invalid', 'true');
  await expect(street.locator('#contact-phone-problems')).toBeVisible();
  await street.getByLabel('工作电话').fill('0536-7651234');
  await street.getByRole('button', { name: '提交审核' }).click();
  await expect(street.getByRole('status')).toHaveText('已提交审核。');
  await expect(street.getByLabel('工作电话')).not.toHaveAttribute('aria-invalid', 'true');
  await checkPage(street, 'contact-form');
});

test('an alert asks for a confirmation before it is submitted', async ({ browser }) => {
  const admin = await signIn(browser, 'admin');
  await admin.getByRole('link', { name: '在「应急广播」新建条目' }).click();
  await admin.getByLabel('预警级别').selectOption('2');
  await admin.getByLabel('标题').fill('寒潮橙色预警');
  await admin.getByLabel('预警内容').fill('预计明天夜间气温下降十度以上，请做好防寒保暖。');
  await admin.getByLabel('发布单位').fill('区气象局');
  await admin.getByRole('button', { name: '检查后提交' }).click();
  const confirmation = admin.getByRole('group', { name: '请确认这条预警' });
  await expect(confirmation).toContainText('橙色（二级）');
  await expect(confirmation).toContainText('寒潮橙色预警');
  await checkPage(admin, 'alert-confirm');
  // Nothing is submitted before the confirmation.
  expect((await draftsOf('admin')).some((d) => d.body.title === '寒潮橙色预警')).toBe(false);
  await admin.getByRole('button', { name: '返回修改' }).click();
  await admin.getByLabel('标题').fill('寒潮橙色预警（更新）');
  await admin.getByRole('button', { name: '检查后提交' }).click();
  await admin.getByRole('button', { name: '确认，提交审核' }).click();
  await expect(admin.getByRole('status')).toHaveText('已提交审核。');
  const draft = (await draftsOf('admin')).find((d) => d.body.title === '寒潮橙色预警（更新）')!;
  expect(draft.body).toMatchObject({ level: 2, issuedBy: '区气象局' });
});

test('a published notice is corrected: a required note, then a confirmation of what boxes will see, then review', async ({
  browser,
}) => {
  const village = session.service.tokens.clerk.region;
  const notices = sample(village).village.channels.find((c) => c.id === 13) as ChannelOfKind<'articles'>;
  const notice = notices.content[0]!;
  const clerk = await signIn(browser, 'clerk');
  await clerk.goto(`${session.service.url}/console/#/items/${village}/13/${encodeURIComponent(notice.id)}`);
  await clerk.getByRole('button', { name: '更正这条内容' }).click();
  await expect(clerk.getByLabel('标题')).toHaveValue(notice.title);
  await clerk.getByLabel('标题').fill(`${notice.title}（更正）`);
  await clerk.getByRole('button', { name: '提交审核' }).click();
  // No note, no correction: the note field says so and nothing is staged.
  await expect(clerk.getByLabel('更正说明（必填）')).toHaveAttribute('aria-invalid', 'true');
  await expect(clerk.getByRole('group', { name: '确认更正：机顶盒将看到' })).toHaveCount(0);
  await clerk.getByLabel('更正说明（必填）').fill('原通知的日期写错了，应为十二月十日。');
  await clerk.getByRole('button', { name: '提交审核' }).click();
  const confirmation = clerk.getByRole('group', { name: '确认更正：机顶盒将看到' });
  await expect(confirmation).toContainText(`新条目「${notice.title}（更正）」`);
  await expect(confirmation).toContainText('原通知的日期写错了');
  await expect(confirmation).toContainText(`原条目「${notice.title}」仍可查看`);
  await checkPage(clerk, 'correction-confirm');
  // Nothing is sent before the confirmation.
  expect((await draftsOf('clerk')).some((d) => d.body.title === `${notice.title}（更正）`)).toBe(false);
  await clerk.getByRole('button', { name: '确认提交更正' }).click();
  await expect(clerk.getByRole('status')).toHaveText('更正已提交审核。');
  // The page then shows the correction waiting for review, and the message stays with it.
  await expect(clerk.getByRole('heading', { name: '待处理的草稿' })).toBeVisible();
  await expect(clerk.getByRole('status')).toHaveText('更正已提交审核。');
  await expect(clerk.getByRole('status')).toBeFocused();
  const drafts = await draftsOf('clerk');
  const corrected = drafts.find((d) => d.body.title === `${notice.title}（更正）`)!;
  expect(corrected.body.correction).toMatchObject({
    note: '原通知的日期写错了，应为十二月十日。',
    supersedes: notice.id,
  });
  expect(drafts.find((d) => d.item_id === notice.id)!.body.correctedBy).toBe(corrected.item_id);
});
