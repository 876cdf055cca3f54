/** A feed that cannot be had, or is wrong, gets a plain-Chinese message and the app stays usable. */
import { test, expect } from '@playwright/test';
import zhHans from '../../src/i18n/zh-Hans.json' with { type: 'json' };
import { expectFocusedRef, expectText, feedFileUrl, keepScreenshot, openTv, press, sample } from './tv';

test('a village file altered on its way shows the error state, and OK retries once it is whole', async ({
  page,
}, testInfo) => {
  const { villageCode } = sample();
  let broken = true;
  await page.route(await feedFileUrl(page, `villages/${villageCode}.json`), async (route) => {
    if (!broken) return route.continue();
    const response = await route.fetch();
    const feed = await response.json();
    feed.channels[0].updatedAt = 'yesterday';
    await route.fulfill({ response, json: feed });
  });
  await openTv(page, { village: villageCode });
  // It no longer matches the hash the signed manifest gives: refused as possibly forged.
  await expectText(page, zhHans['error.rejected']);
  await expectText(page, zhHans['error.retry']);
  await keepScreenshot(page, testInfo, 'error-rejected');
  broken = false;
  await press(page, 'Enter');
  await expect(page.locator('[ref="Tab-village"]')).toBeVisible();
  await expectFocusedRef(page, 'Channel-11');
});

test('a feed that is not JSON at all is reported as invalid', async ({ page }) => {
  const { villageCode } = sample();
  await page.route('**/feed/manifest.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{"schemaVersion": 1, "vers' }),
  );
  await openTv(page, { village: villageCode });
  await expectText(page, zhHans['error.invalid']);
});

test('an unreachable feed says so, and the app recovers when the network is back', async ({ page }) => {
  const { villageCode } = sample();
  await page.route('**/feed/**', (route) => route.abort('internetdisconnected'));
  await openTv(page, { village: villageCode });
  await expectText(page, zhHans['error.unreachable']);
  await page.unroute('**/feed/**');
  await press(page, 'Enter');
  await expect(page.locator('[ref="Tab-village"]')).toBeVisible();
});

test('a broken sub-channel keeps the rest usable: Back from the error returns home', async ({ page }) => {
  const { villageCode, village } = sample();
  const ledger = village.channels.find((c) => c.id === 15);
  if (ledger?.kind !== 'ledger') throw new Error('no ledger');
  const newest = ledger.content.months[ledger.content.months.length - 1]!;
  await page.route(await feedFileUrl(page, newest.file), (route) => route.fulfill({ status: 500, body: 'oops' }));
  await openTv(page, { village: villageCode });
  await expect(page.locator('[ref="Tab-village"]')).toBeVisible();
  await press(page, 'ArrowRight', 4);
  await press(page, 'Enter');
  await press(page, 'Enter');
  await expectText(page, zhHans['error.unreachable']);
  await press(page, 'Backspace');
  await expectFocusedRef(page, 'Row-0');
  await press(page, 'Backspace');
  await expectFocusedRef(page, 'Channel-15');
});

test('a new box that boots offline, with no feed kept, comes back by itself when the network does', async ({
  page,
}) => {
  const { villageCode } = sample();
  await page.route('**/feed/**', (route) => route.abort('internetdisconnected'));
  await openTv(page, { village: villageCode });
  await expectText(page, zhHans['error.unreachable']);
  const manifestAsked = page.waitForRequest('**/feed/manifest.json', { timeout: 30_000 });
  await page.unroute('**/feed/**');
  // No key is pressed: the box asks again by itself (every 10 s while it has nothing to show).
  await manifestAsked;
  await expect(page.locator('[ref="Tab-village"]')).toBeVisible({ timeout: 30_000 });
});
