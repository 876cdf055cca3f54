import { test, expect, type Page } from '@playwright/test';
import { chinaDate, formatDate } from '../../src/format/dates';
import zhHans from '../../src/i18n/zh-Hans.json' with { type: 'json' };
import { expectFocusedRef, expectFocusedText, expectNoText, expectText, focusedTexts, keepScreenshot, openHome, openTv, press, sample, sampleVillages, screenTexts } from './tv';

test('home shows the village, today, the four sections and the tiles with their update dates', async ({ page }, testInfo) => {
  await openHome(page);
  const { village, street } = sample();
  await expectText(page, village.region.name);
  await expectText(page, street.region.name);
  await expectText(page, formatDate(chinaDate(Date.now()).iso));
  for (const section of ['district', 'street', 'village', 'household'] as const) {
    await expect(page.locator(`[ref="Tab-${section}"] [texture-text="${zhHans[`section.${section}`]}"]`)).toHaveCount(1);
  }
  // The village section opens first, with its ten sub-channels.
  for (let id = 11; id <= 20; id++) await expect(page.locator(`[ref="Channel-${id}"]`)).toBeVisible();
  await expectFocusedRef(page, 'Channel-11');
  const profile = village.channels.find((c) => c.id === 11)!;
  await expectFocusedText(page, formatDate(profile.updatedAt));
  await keepScreenshot(page, testInfo, 'home-1080p');
});

test('a sub-channel whose next update is past due is marked overdue in words', async ({ page }) => {
  const isOverdue = (c: { nextDueAt?: string }) => !!c.nextDueAt && Date.parse(c.nextDueAt) < Date.now();
  const chosen = sampleVillages().find((v) => v.village.channels.some(isOverdue) && v.village.channels.some((c) => !isOverdue(c)));
  expect(chosen, 'the sample has a village with an overdue channel').toBeDefined();
  const { village, villageCode } = chosen!;
  await openHome(page, { village: villageCode });
  const overdue = village.channels.filter(isOverdue);
  for (const channel of village.channels) {
    const tile = page.locator(`[ref="Channel-${channel.id}"] [ref="Overdue"]`);
    if (overdue.includes(channel)) await expect(tile).toBeVisible();
    else await expect(tile).toBeHidden();
  }
  await expect(page.locator(`[ref="Channel-${overdue[0]!.id}"] [texture-text="${zhHans['state.overdue']}"]`)).toBeVisible();
});

test('Left and Right on the tabs switch sections; focus is remembered per section', async ({ page }) => {
  await openHome(page);
  await press(page, 'ArrowRight', 2);
  await expectFocusedRef(page, 'Channel-13');
  await press(page, 'ArrowUp');
  await expectFocusedRef(page, 'Tab-village');
  await press(page, 'ArrowLeft');
  await expectFocusedRef(page, 'Tab-street');
  await expect(page.locator('[ref="Channel-6"]')).toBeVisible();
  await press(page, 'ArrowDown');
  await press(page, 'ArrowRight');
  await expectFocusedRef(page, 'Channel-7');
  await press(page, 'ArrowUp');
  await press(page, 'ArrowRight');
  await press(page, 'ArrowDown');
  await expectFocusedRef(page, 'Channel-13');
});

test('Back on home asks before leaving, and the safe answer keeps the villager here', async ({ page }) => {
  await openHome(page);
  await press(page, 'ArrowRight');
  await press(page, 'Escape');
  await expectText(page, zhHans['exit.title']);
  await expectFocusedRef(page, 'No');
  await press(page, 'ArrowUp');
  await press(page, 'ArrowDown');
  await expectFocusedRef(page, 'No');
  await press(page, 'Enter');
  await expectNoText(page, zhHans['exit.title']);
  await expectFocusedRef(page, 'Channel-12');
  await press(page, 'Backspace');
  await press(page, 'ArrowLeft');
  await expectFocusedRef(page, 'Yes');
  await press(page, 'Backspace');
  await expectFocusedRef(page, 'Channel-12');
});

/** From home into the newest month of the village's ledger, two pages deep. */
const intoLedgerMonth = async (page: Page) => {
  await openHome(page);
  await press(page, 'ArrowRight', 4);
  await press(page, 'Enter');
  await expectText(page, zhHans['ledger.income']);
  await press(page, 'Enter');
  await expectText(page, zhHans['ledger.opening']);
};

test('leaving after browsing returns to the page that opened the app, not to a page inside it', async ({ page }) => {
  // Any other page stands for the portal the box opened the app from.
  await page.goto('/healthz');
  const portal = page.url();
  await intoLedgerMonth(page);
  await press(page, 'Backspace', 2);
  await expectFocusedRef(page, 'Channel-15');
  await press(page, 'Escape');
  await expectText(page, zhHans['exit.title']);
  await press(page, 'ArrowLeft');
  await expectFocusedRef(page, 'Yes');
  await press(page, 'Enter');
  await expect(page).toHaveURL(portal);
});

test('Home brings the villager back from deep inside', async ({ page }) => {
  await intoLedgerMonth(page);
  await press(page, 'Home');
  await expect(page.locator('[ref="Tab-village"]')).toBeVisible();
  await expectFocusedRef(page, 'Channel-11');
  await press(page, 'Escape');
  await expectText(page, zhHans['exit.title']);
});

test('at 1280×720 the SDK scales the same screens down and they stay readable', async ({ browser }, testInfo) => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await openHome(page);
  const canvas = page.locator('canvas');
  await expect(canvas).toHaveAttribute('width', '1280');
  await expect(canvas).toHaveAttribute('height', '720');
  await expectText(page, sample().village.region.name);
  await keepScreenshot(page, testInfo, 'home-720p');
  // The tiles still fit inside the screen.
  const box = await page.locator('[ref="Channel-20"]').boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x + box!.width).toBeLessThanOrEqual(1280);
  expect(box!.y + box!.height).toBeLessThanOrEqual(720);
  await press(page, 'ArrowRight', 4);
  await press(page, 'Enter');
  await expectText(page, zhHans['ledger.income']);
  await keepScreenshot(page, testInfo, 'ledger-720p');
  await page.close();
});

test('first run: the villager picks the street, then the village, and the box remembers it', async ({ page }) => {
  const { district } = sample();
  const street = district.streets[1]!;
  const village = street.villages[1]!;
  await openTv(page);
  await expectText(page, zhHans['picker.street']);
  await press(page, 'ArrowDown');
  await expectFocusedText(page, street.name);
  await press(page, 'Enter');
  await expectText(page, zhHans['picker.village'].slice(0, 3));
  await press(page, 'ArrowDown');
  await expectFocusedText(page, village.name);
  await press(page, 'Enter');
  await expect(page.locator('[ref="Tab-village"]')).toBeVisible();
  await expectText(page, village.name);
  // Switched off and on again: straight to home, same village.
  await openTv(page);
  await expect(page.locator('[ref="Tab-village"]')).toBeVisible();
  await expectText(page, village.name);
  expect((await screenTexts(page)).some((s) => s.includes(zhHans['picker.street']))).toBe(false);
  expect(await focusedTexts(page)).toContain(zhHans['channel.11']);
});

test('the app boots under its Content-Security-Policy with no violation, modern and legacy bundles', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) => ((window as unknown as { cspViolations: string[] }).cspViolations ??= []).push(`${e.violatedDirective} ${e.blockedURI}`)),
  );
  for (const bundle of ['modern', 'legacy']) {
    const served = await page.request.get('/');
    expect(served.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    // Home on screen: the settings, the feed files, the signature worker and the font were all loaded under the policy.
    await openHome(page, { bundle });
    await expect(page.locator('html')).toHaveAttribute('data-boot', 'shown');
    await expect(page.locator('html')).toHaveAttribute('data-bundle', bundle);
    expect(await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [])).toEqual([]);
  }
  expect(violations).toEqual([]);
});
