/**
 * The console's operators, regions and households pages in Chromium on the real service (its
 * own process and data directory): the district admin adds an operator on a phone-sized screen
 * and that operator signs in; a clerk binds the box in front of them with the code its TV page
 * shows, and the TV shows the household's pages without a reload; a lost box is revoked after
 * a confirmation; a clerk reaches no other village's roll by URL or API. Each page passes
 * axe-core with no serious or critical violation, and its screenshot is kept in docs/console/.
 */
import { test, expect, type Browser, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import zhHans from '../../src/i18n/zh-Hans.json' with { type: 'json' };
import type { HouseholdsFile } from '../../src/household/pages';
import { readSample } from '../server/harness';
import { checkPage, DESKTOP, PHONE, useConsoleService } from './consoleSession';
import { expectText, goToTile, openHome, press, screenTexts, withPlatformSettings } from './tv';

test.describe.configure({ mode: 'serial' });

const session = useConsoleService();
const { newPage } = session;
/** Sign-ins here start on a phone: the pages are used there. */
const signIn = (browser: Browser, username: string, options: { viewport?: typeof PHONE; password?: string } = {}) =>
  session.signIn(browser, username, { viewport: PHONE, ...options });

const district = readSample('district.json');

test('the district admin adds a clerk on a phone, and the new clerk signs in; the regions page shows what is overdue', async ({
  browser,
}) => {
  // Three sign-ins (argon2) and four axe checks: more than one page's time on a busy machine.
  test.setTimeout(120_000);
  const admin = await signIn(browser, 'admin');
  await admin.getByRole('link', { name: '操作员' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: '操作员' })).toBeVisible();
  await expect(admin.getByRole('cell', { name: 'clerk', exact: true })).toBeVisible();
  await checkPage(admin, 'operators');

  const village = district.streets[0].villages[1];
  await admin.getByLabel('姓名').fill('孙文书');
  await admin.getByLabel('角色').selectOption({ label: '村文书' });
  await admin.getByLabel('工作地区').selectOption(village.code);
  await admin.getByLabel('登录名').fill('Sun.Wenshu');
  // A password too short is refused next to its field, before anything is sent.
  await admin.getByLabel('初始密码（可不填）').fill('short');
  await admin.getByRole('button', { name: '添加', exact: true }).click();
  await expect(admin.locator('#operator-password-problems')).toHaveText('密码至少 10 个字符');
  await admin.getByLabel('初始密码（可不填）').fill('dongzhi-2026');
  await admin.getByRole('button', { name: '添加', exact: true }).click();
  await expect(admin.getByRole('status')).toHaveText('已添加操作员 孙文书，登录名 sun.wenshu。');
  await expect(admin.getByRole('row').filter({ hasText: '孙文书' })).toContainText(village.name);

  // Its panel: scope, password and disabling, each on the session.service.
  await admin.getByRole('button', { name: '孙文书' }).click();
  await expect(admin.getByRole('heading', { name: '管理：孙文书' })).toBeVisible();
  await checkPage(admin, 'operator-manage');

  const clerk = await signIn(browser, 'sun.wenshu', { password: 'dongzhi-2026' });
  await expect(clerk.getByText('孙文书（村文书）')).toBeVisible();
  await expect(clerk.getByRole('link', { name: '操作员' })).toHaveCount(0);

  // Disabled by the admin: the clerk's open console is signed out at its next request.
  await admin.getByRole('button', { name: '停用这位操作员' }).click();
  await expect(admin.getByRole('status')).toHaveText('已停用 孙文书：其密码和令牌都不能再用。');
  await expect(admin.getByRole('row').filter({ hasText: '孙文书' })).toContainText('已停用');
  await clerk.reload();
  await expect(clerk.getByRole('heading', { level: 1, name: '登录' })).toBeVisible();

  await admin.getByRole('link', { name: '街道与村' }).click();
  const row = admin.getByRole('row').filter({ hasText: village.name });
  await expect(row).toContainText(/个按时/);
  await checkPage(admin, 'regions');
});

/** The pairing code and box id the TV's 家庭 section shows. */
const pairingOnScreen = async (tv: Page) => {
  await expectText(tv, /^[0-9]{3} [0-9]{3}$/, 20_000);
  const texts = await screenTexts(tv);
  return {
    shown: texts.find((s) => /^[0-9]{3} [0-9]{3}$/.test(s))!,
    boxId: /本机编号 ([0-9A-F-]{14})/.exec(texts.join('\n'))![1]!,
  };
};

test('a clerk binds the box in front of them with the code its TV shows; the TV shows the household without a reload; a lost box is revoked after a confirmation', async ({
  browser,
}) => {
  // A TV that boots and a console that signs in, side by side: more than one page's time on a busy machine.
  test.setTimeout(120_000);
  const villageCode = session.service.tokens.clerk.region;
  const roll = JSON.parse(readFileSync(`static/private/households/${villageCode}.json`, 'utf8')) as HouseholdsFile;
  const household = roll.households[1]!;
  const subsidies = household.pages.find((p) => p.channel === 21);
  if (subsidies?.channel !== 21) throw new Error('sample household without 21');
  const payment = subsidies.content.payments[0]!;

  const tv = await newPage(browser, { viewport: { width: 1920, height: 1080 }, baseURL: session.service.url });
  await withPlatformSettings(tv, { deviceId: 'STB-CONSOLE-01' });
  await openHome(tv, { village: villageCode });
  await goToTile(tv, 'household', 0);
  await press(tv, 'Enter');
  await expectText(tv, zhHans['household.unbound.title']);
  const pairing = await pairingOnScreen(tv);
  await tv.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

  const clerk = await signIn(browser, 'clerk');
  await clerk.getByRole('link', { name: '住户与机顶盒' }).click();
  await expect(clerk.getByRole('heading', { level: 1 })).toHaveText(/的住户与机顶盒$/);
  await checkPage(clerk, 'households');

  await clerk.getByLabel('家庭').selectOption(household.id);
  // A code the TV does not show is refused next to the code.
  await clerk.getByLabel(/^配对码/).fill('000000');
  await clerk.getByRole('button', { name: '绑定', exact: true }).click();
  await expect(clerk.locator('#bind-code-problems')).toContainText('配对码 000000 不存在或已过期');
  // Typed as the TV shows it, with its space.
  await clerk.getByLabel(/^配对码/).fill(pairing.shown);
  await clerk.getByRole('button', { name: '绑定', exact: true }).click();
  await expect(clerk.getByRole('status')).toHaveText(
    `机顶盒 ${pairing.boxId} 已绑定家庭 ${household.id}，电视下次刷新时显示这户的页面。`,
  );
  const row = clerk.getByRole('row').filter({ hasText: household.id });
  await expect(row).toContainText(`机顶盒编号 ${pairing.boxId}`);
  await expect(row).toContainText('设备号 STB-CONSOLE-01');
  await expect(row).toContainText(/绑定于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);

  // The TV leaves the code for the household's subsidies by itself, in the same document.
  await expectText(tv, `尾号 ${payment.accountTail}`, 30_000);
  await expectText(tv, payment.office);
  expect(await tv.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);

  // Revoking asks first; cancelling leaves the box bound.
  await row.getByRole('button', { name: `停用（丢失）：机顶盒 ${pairing.boxId}（家庭 ${household.id}）` }).click();
  await expect(clerk.getByRole('heading', { name: `确认停用机顶盒 ${pairing.boxId}？` })).toBeFocused();
  await checkPage(clerk, 'households-revoke');
  await clerk.getByRole('button', { name: '取消' }).click();
  await expect(row).toContainText(`机顶盒编号 ${pairing.boxId}`);
  await row.getByRole('button', { name: /^停用（丢失）：/ }).click();
  await clerk.getByRole('button', { name: '确认停用' }).click();
  await expect(clerk.getByRole('status')).toHaveText(`已停用机顶盒 ${pairing.boxId}，它的密钥不再有效。`);
  await expect(row).toContainText('未绑定');
});

test("a clerk cannot see or bind another village's households, by URL or by API, nor manage operators", async ({
  browser,
}) => {
  const clerk = await signIn(browser, 'clerk', { viewport: DESKTOP });
  const other = district.streets[1].villages[0].code as string;
  await clerk.goto(`${session.service.url}/console/#/households/${other}`);
  await expect(clerk.getByRole('alert')).toHaveText('您没有这项操作的权限');
  await expect(clerk.getByLabel(/^配对码/)).toHaveCount(0);
  await expect(clerk.getByRole('table')).toHaveCount(0);

  // The same refusals to the API, from the clerk's own signed-in page with its CSRF token.
  const answers = await clerk.evaluate(async (village) => {
    const session = (await (await fetch('/api/session')).json()) as { csrfToken: string };
    const roll = await fetch(`/api/households?village=${village}`);
    const bind = await fetch('/api/households/bind', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
      body: JSON.stringify({ code: '123456', household: `${village}-h001` }),
    });
    const operators = await fetch('/api/operators?all=true');
    return {
      roll: roll.status,
      bind: [bind.status, ((await bind.json()) as { error: { zh: string } }).error.zh],
      operators: operators.status,
    };
  }, other);
  expect(answers).toEqual({ roll: 403, bind: [403, '您没有这项操作的权限'], operators: 403 });

  await clerk.goto(`${session.service.url}/console/#/operators`);
  await expect(clerk.getByRole('alert')).toHaveText('只有区管理员可以管理操作员。');
  await expect(clerk.getByLabel('登录名')).toHaveCount(0);
});
