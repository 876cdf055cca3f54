/**
 * The villager's voice in the operators' console, in Chromium on the real service (its own
 * process, the box polling every 2 s, the outbound notifier's file stand-in): a help request a
 * bound box sends appears in the duty list within 5 s, with a browser notification and the
 * gateway's notice, and is acknowledged there, which the box then shows as 已收到; the clerk
 * accepts and answers a villager's question and the household's 25 shows the answer; a poll is
 * made, closed and shows its results, on a phone-sized screen. Each new page passes axe-core
 * with no serious or critical violation, fits 360 px, and its screenshot is kept in docs/console/.
 */
import { test, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import zhHans from '../../src/i18n/zh-Hans.json' with { type: 'json' };
import type { OutboundNotice } from '../../server/notify/outbound';
import { seededDataDir, startService } from '../server/harness';
import { checkPage, DESKTOP, PHONE, useConsoleService } from './consoleSession';
import { expectText, focusedTexts, goToTile, press, sample, screenTexts } from './tv';

test.describe.configure({ mode: 'serial' });

let noticesFile: string;
const session = useConsoleService(() => {
  const dataDir = seededDataDir();
  noticesFile = join(dataDir, 'outbound-notices.jsonl');
  return startService(dataDir, ['--poll-seconds', '2'], { SANWU_NOTIFY: `file:${noticesFile}` });
});

/** The real Notification API, each one made also kept in a list the test reads. */
const recordNotifications = (context: BrowserContext) =>
  context.addInitScript(() => {
    const made: string[] = [];
    (window as unknown as { notices: string[] }).notices = made;
    window.Notification = new Proxy(window.Notification, {
      construct(Real, args: [string, NotificationOptions?]) {
        made.push(`${args[0]}｜${args[1]?.body ?? ''}`);
        return new Real(...args);
      },
    });
  });

const signIn = (browser: Browser, username: string, viewport = DESKTOP) =>
  session.signIn(browser, username, { viewport, prepare: recordNotifications });

const bindBox = async (browser: Browser, household: string): Promise<Page> => {
  const page = await session.newPage(browser, { viewport: { width: 1920, height: 1080 } });
  await page.goto(`${session.service.url}/?inspector=1&village=${sample().villageCode}`);
  await expect(page.locator('[ref="Tab-village"]')).toBeVisible({ timeout: 30_000 });
  await goToTile(page, 'household', 4);
  await press(page, 'Enter');
  await expectText(page, /^[0-9]{3} [0-9]{3}$/, 20_000);
  const code = (await screenTexts(page)).find((s) => /^[0-9]{3} [0-9]{3}$/.test(s))!.replace(' ', '');
  const bound = await fetch(`${session.service.url}/api/households/bind`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.service.tokens.clerk.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ code, household }),
  });
  expect(bound.status).toBe(201);
  await expectText(page, zhHans['household.helpEntry.detail'], 20_000);
  return page;
};

const notices = (): OutboundNotice[] =>
  existsSync(noticesFile)
    ? readFileSync(noticesFile, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as OutboundNotice)
    : [];

test('a box asks for help: the duty list shows it within 5 s with its clock, a notification and the gateway hear of it, and the acknowledgement reaches the box', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const box = await bindBox(browser, `${sample().villageCode}-h013`);
  const clerk = await signIn(browser, 'clerk');
  await clerk.getByRole('navigation').getByRole('link', { name: '一键求助' }).click();
  await expect(clerk.getByRole('heading', { level: 1, name: '一键求助' })).toBeVisible();
  await expect(clerk.getByText('目前没有待处理的求助。')).toBeVisible();
  // Notifications are asked for with the button, not on load.
  const enable = clerk.getByRole('button', { name: '开启桌面提醒' });
  await expect(enable).toBeVisible();
  await clerk.context().grantPermissions(['notifications'], { origin: session.service.url });
  await enable.click();
  await expect(clerk.getByText('桌面提醒已开启', { exact: false })).toBeVisible();

  // On the box: B, 老人需要帮助, OK, 发送.
  await press(box, 'b');
  await press(box, 'ArrowDown');
  await press(box, 'Enter');
  await expectText(box, '发送求助：老人需要帮助？');
  await press(box, 'ArrowLeft');
  const confirmedAt = Date.now();
  await press(box, 'Enter');

  const card = clerk.getByRole('listitem').filter({ hasText: /求助 #[0-9]+：老人需要帮助/ });
  await expect(card).toBeVisible({ timeout: 5_000 });
  const shownMs = Date.now() - confirmedAt;
  console.log(`help request in the console ${shownMs} ms after OK on the box`);
  expect(shownMs).toBeLessThan(5_000);
  await expect(card).toContainText('已发送，未确认');
  await expect(card).toContainText(/已等待 [0-9]+ 分钟/);
  await expect(clerk).toHaveTitle(/^\([1-9][0-9]*\) 一键求助/);
  await expect
    .poll(() => clerk.evaluate(() => (window as unknown as { notices: string[] }).notices))
    .toContainEqual(expect.stringMatching(/^新的一键求助：老人需要帮助｜/));
  // The gateway's stand-in has it too.
  const id = Number(/求助 #([0-9]+)/.exec((await card.textContent())!)![1]);
  await expect.poll(() => notices().find((n) => n.subject === `help ${id}`)?.kind).toBe('help');
  await checkPage(clerk, 'help-requests', { alsoOnPhone: true });

  await card.getByRole('button', { name: '确认收到' }).click();
  await expect(clerk.getByRole('status')).toHaveText(`求助 #${id} 已改为「已收到」。`);
  await expect(card).toContainText('状态：已收到');
  await expect(card.getByRole('button', { name: '处理中' })).toBeVisible();
  await expectText(box, zhHans['help.status.acknowledged'], 15_000);
});

test('the clerk accepts and answers a question in the console, and the household’s 25 shows the answer', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const box = await bindBox(browser, `${sample().villageCode}-h014`);
  // The first voucher of the newest month, the green key, 金额有疑问, 确认提交.
  await press(box, '1');
  await press(box, '5');
  await expectText(box, zhHans['channel.15']);
  await press(box, 'Enter');
  await press(box, 'Enter');
  await expectText(box, zhHans['ask.button']);
  await press(box, 'g');
  await expectText(box, zhHans['ask.reason.amount']);
  await press(box, 'Enter');
  await press(box, 'Enter');
  await expectText(box, zhHans['question.status.received'], 15_000);

  const clerk = await signIn(browser, 'clerk');
  await expect(clerk.getByRole('link', { name: '1 个村民提问等您答复' })).toBeVisible();
  const waitingQuestion = clerk.getByRole('link', { name: /^提问 #[0-9]+：/ });
  await expect(waitingQuestion).toBeVisible();
  await expect(clerk.getByText(/答复期限 [0-9-]+，还剩 [0-9]+ 天/).first()).toBeVisible();
  await checkPage(clerk, 'dashboard-voice', { alsoOnPhone: true });
  await waitingQuestion.click();
  await expect(clerk.getByRole('heading', { level: 1, name: '村民提问' })).toBeVisible();
  const card = clerk.getByRole('listitem').filter({ hasText: /提问 #[0-9]+：/ });
  await expect(card).toContainText('状态：已收到');
  await expect(card).toContainText('金额有疑问');

  await card.getByRole('button', { name: '受理…' }).click();
  await card.getByLabel('负责人或部门').fill('村务监督委员会');
  await card.getByRole('button', { name: '受理', exact: true }).click();
  // The date is required: said next to the field.
  await expect(card.getByText('请填写这一项')).toBeVisible();
  await expect(card.getByLabel('预计答复日期')).toHaveAttribute('aria-invalid', 'true');
  const inFiveDays = new Date(Date.now() + 8 * 3_600_000 + 5 * 86_400_000).toISOString().slice(0, 10);
  await card.getByLabel('预计答复日期').fill(inFiveDays);
  await card.getByRole('button', { name: '受理', exact: true }).click();
  await expect(clerk.getByRole('status')).toHaveText(/^提问 #[0-9]+ 已受理。$/);
  await expect(card).toContainText(`负责：村务监督委员会，预计 ${inFiveDays} 前答复`);
  await expectText(box, zhHans['question.status.accepted'], 15_000);

  await card.getByRole('button', { name: '答复…' }).click();
  await checkPage(clerk, 'questions', { alsoOnPhone: true });
  const text = '经核对，这笔支出与发票金额一致，发票已附在凭证后。';
  await card.getByLabel('答复内容').fill(text);
  await card.getByLabel('同时在「20 村民问答」公开（提问人匿名）').check();
  await card.getByRole('button', { name: '发送答复' }).click();
  await expect(clerk.getByRole('status')).toHaveText(/^提问 #[0-9]+ 已答复；公开版本已作为草稿提交审核。$/);
  await expect(card).toContainText(`答复：${text}`);
  await expect(card).toContainText('状态：已答复');

  // The household's 25 shows it without a reload.
  await expectText(box, zhHans['question.status.answered'], 15_000);
  const onAnswer = async () => (await focusedTexts(box)).some((s) => s.includes(zhHans['question.status.answered']));
  for (let row = 0; row < 5 && !(await onAnswer()); row++) await press(box, 'ArrowDown');
  await press(box, 'Enter');
  await expectText(box, new RegExp(`答复：${Array.from(text.slice(0, 8)).join('\\s*')}`));
});

test('on a phone, the clerk makes a poll, it is open on the dashboard, and once closed its results show', async ({
  browser,
}) => {
  const clerk = await signIn(browser, 'clerk', PHONE);
  await clerk.getByRole('navigation').getByRole('link', { name: '民意调查' }).click();
  await expect(clerk.getByRole('heading', { level: 1, name: '民意调查' })).toBeVisible();
  await expect(clerk.getByText('这个村还没有调查。')).toBeVisible();
  // Two options at least: said by the options.
  await clerk.getByLabel('问题').fill('村里的广场舞时间改到晚上七点到九点，您同意吗？');
  await clerk.getByLabel('选项 1').fill('同意');
  await clerk.getByRole('button', { name: '发布调查' }).click();
  await expect(clerk.getByText('至少需要 2 个选项')).toBeVisible();
  await clerk.getByLabel('选项 2').fill('不同意');
  await clerk.getByLabel('选项 3').fill('无所谓');
  await clerk.getByRole('button', { name: '发布调查' }).click();
  await expect(clerk.getByRole('status')).toHaveText(/^调查 #[0-9]+ 已发布。$/);
  const poll = clerk.getByRole('listitem').filter({ hasText: '广场舞' });
  await expect(poll).toContainText('进行中');
  await expect(poll).toContainText('0 户已投票');
  expect(await clerk.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

  await clerk.getByRole('navigation').getByRole('link', { name: '工作台' }).click();
  await expect(
    clerk.getByText(/村里的广场舞时间改到晚上七点到九点，您同意吗？（.+，0 户已投票，.+ 结束）/),
  ).toBeVisible();
  await clerk.getByRole('navigation').getByRole('link', { name: '民意调查' }).click();
  await poll.getByRole('button', { name: '现在结束' }).click();
  await expect(clerk.getByRole('status')).toHaveText(/^调查 #[0-9]+ 已结束，结果已公布。$/);
  await expect(poll).toContainText('已结束');
  await expect(poll.getByRole('table', { name: '结果' }).getByRole('row')).toHaveCount(3);
  await expect(poll.getByRole('row', { name: /同意/ }).first()).toContainText('0 票');
  await checkPage(clerk, 'polls', { alsoOnPhone: true });
});
