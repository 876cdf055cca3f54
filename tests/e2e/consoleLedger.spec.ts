/**
 * The monthly ledger from the spreadsheet to the TV screen, without a terminal, on a phone-sized
 * screen in Chromium on the real service: the clerk drops the village's cash journal (one of its
 * columns named as the ledger does not know it), maps that column and saves the mapping, checks
 * the totals against 本月合计, sends the month for review, photographs a receipt and blacks out
 * part of it with a finger. The committee approves and the street publishes (through the API,
 * their pages have their own tests); the TV then shows the month with the journal's totals.
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import sharp from 'sharp';
import { formatFen } from '../../src/format/money';
import { readSampleSignIns } from '../../server/seed/seedSample';
import { JOURNAL_MONTH, journalBytes, journalFigures } from '../server/cashJournal';
import { call, startService, type RunningService } from '../server/harness';
import { expectText } from './tv';

let service: RunningService;
test.beforeAll(async () => {
  service = await startService();
});
test.afterAll(async () => service?.stop());

const PHONE = { width: 360, height: 740 };

/** No serious or critical axe-core violation on the page as it is (or the part of it named), and its screenshot kept. */
const checkPage = async (page: Page, name: string | null, part?: string) => {
  const axe = new AxeBuilder({ page });
  const { violations } = await (part ? axe.include(part) : axe).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  if (name) await page.screenshot({ path: `docs/console/${name}.png`, fullPage: true });
};

/** A finger dragging across the element, from one fraction of it to another (real touch events). */
const dragWithFinger = async (page: Page, selector: string, from: [number, number], to: [number, number]) => {
  await page.locator(selector).scrollIntoViewIfNeeded();
  const box = (await page.locator(selector).boundingBox())!;
  const point = ([fx, fy]: [number, number]) => ({ x: box.x + fx * box.width, y: box.y + fy * box.height });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point(from)] });
  for (const step of [0.25, 0.5, 0.75, 1])
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: [point([from[0] + (to[0] - from[0]) * step, from[1] + (to[1] - from[1]) * step])],
    });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
};

test('the clerk takes a month from the spreadsheet to the TV, a redacted receipt included, on a phone', async ({
  browser,
}) => {
  const figures = journalFigures();
  const clerk = service.tokens.clerk;
  const password = readSampleSignIns(join(service.dataDir, 'operator-tokens.txt')).find(
    (s) => s.username === 'clerk',
  )!.password;
  const context = await browser.newContext({ viewport: PHONE, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${service.url}/console/`);
  await page.getByLabel('登录名').fill('clerk');
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('link', { name: '月度账目' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '月度账目' })).toBeVisible();

  // The journal as exported, but its voucher-number column called 票号, a name the ledger does not know.
  const journal = new TextDecoder('gb18030').decode(journalBytes()).replace('凭证字号', '票号');
  await page.getByLabel('月份', { exact: true }).fill(JOURNAL_MONTH);
  await page.getByLabel('账目文件（CSV 或 .xlsx，GBK 或 UTF-8 均可）').setInputFiles({
    name: '现金日记账.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(journal, 'utf8'),
  });
  const numberColumn = page.getByLabel('凭证号', { exact: true });
  await expect(page.getByText(/文件中没有「凭证号」列/).first()).toBeVisible();
  await expect(numberColumn).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('button', { name: '提交审核' })).toBeDisabled();

  // Fixed by the mapping, and saved for the village's next file.
  await numberColumn.selectOption('票号');
  await expect(page.getByText(`没有发现问题：共 ${figures.numbers.length} 张凭证。`)).toBeVisible();
  await expect(numberColumn).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: '保存本村的列对应' }).click();
  await expect(page.getByRole('status').first()).toHaveText('列对应已保存，以后本村的文件都按它读取。');
  const saved = await call(service, 'GET', `/api/regions/${clerk.region}/ledger/columns`, clerk.token);
  expect(saved.body.settings.mapping.number).toBe('票号');

  // The totals as the journal adds up, checked against its 本月合计.
  await expect(page.getByText('逐笔相加与文件中的「本月合计」相符。')).toBeVisible();
  const totals = page.locator('.totals');
  await expect(totals).toContainText(formatFen(figures.incomeFen));
  await expect(totals).toContainText(formatFen(figures.expenseFen));
  await expect(totals).toContainText(formatFen(figures.closingFen));
  // Nothing fits wider than the phone's screen: the wide table scrolls inside its own box.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await checkPage(page, 'ledger');

  await page.getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByRole('status').first()).toContainText('已提交审核');

  // A receipt photographed (with the phone's GPS position in it), its corner blacked out with a finger.
  await page.getByRole('button', { name: '给 记-001 附票据照片' }).click();
  const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#d8c8a0' } })
    .jpeg()
    .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '36/1 39/1 0/1' } })
    .toBuffer();
  await page
    .getByLabel('拍照或选择第 1 张票据照片')
    .setInputFiles({ name: 'receipt.jpg', mimeType: 'image/jpeg', buffer: photo });
  await expect(page.getByRole('img', { name: '票据照片，已画 0 个涂黑框' })).toBeVisible();
  await dragWithFinger(page, '.redactor', [0.6, 0.6], [0.95, 0.9]);
  await expect(page.getByRole('img', { name: '票据照片，已画 1 个涂黑框' })).toBeVisible();
  await page.getByRole('button', { name: '涂黑 1 处并上传' }).click();
  const redacted = page.getByRole('img', { name: '第 1 张票据（记-001），已涂黑' });
  await expect(redacted).toBeVisible();
  await expect(page.getByText('照片带有拍摄地点（GPS 定位），发布的图片已去掉')).toBeVisible();
  // What will be published is black where the finger drew, and as photographed elsewhere.
  const src = (await redacted.getAttribute('src'))!;
  await expect.poll(() => redacted.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  // Served with the feed, where boxes fetch it.
  const image = await sharp(Buffer.from(await (await fetch(`${service.url}${src}`)).arrayBuffer()))
    .raw()
    .toBuffer({ resolveWithObject: true });
  const pixel = (fx: number, fy: number) => {
    const at = (Math.round(fy * image.info.height) * image.info.width + Math.round(fx * image.info.width)) * 3;
    return Math.max(...image.data.subarray(at, at + 3));
  };
  expect(pixel(0.8, 0.75)).toBeLessThanOrEqual(8);
  expect(pixel(0.3, 0.3)).toBeGreaterThan(150);
  // The receipts part as it now stands (the rest of the page was checked above: axe takes seconds a page here).
  await checkPage(page, null, '.voucher-receipts');
  await page.getByRole('button', { name: '把这 1 张附到 记-001' }).click();
  await expect(page.getByText('已给 记-001 附上票据，共 1 张；账目草稿已更新，等待审核。')).toBeVisible();
  await expect(page.getByText('附件 1 张，已附图片 1 张').first()).toBeVisible();
  await context.close();

  // The committee approves the month and the street publishes it.
  const { committee, street } = service.tokens;
  const drafts = await call(service, 'GET', '/api/drafts', committee.token);
  const month = drafts.body.find(
    (d: { channel: number; item_id: string }) => d.channel === 15 && d.item_id === JOURNAL_MONTH,
  );
  expect((await call(service, 'POST', `/api/drafts/${month.id}/approve`, committee.token)).status).toBe(200);
  expect((await call(service, 'POST', '/api/publish', street.token)).status).toBe(200);

  // The TV shows the month with the journal's own totals.
  const tv = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await tv.goto(`${service.url}/?inspector=1&village=${clerk.region}#month/${JOURNAL_MONTH}`);
  await expectText(tv, formatFen(figures.openingFen));
  await expectText(tv, formatFen(figures.incomeFen));
  await expectText(tv, formatFen(figures.expenseFen));
  await expectText(tv, formatFen(figures.closingFen));
  await tv.close();
});
