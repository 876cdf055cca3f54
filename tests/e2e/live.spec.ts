/**
 * The box stays current and believes nothing forged: against a real service of its
 * own (polling every 2 s), with the network between them tampered with by routes.
 */
import { test, expect, type Page } from '@playwright/test';
import zhHans from '../../src/i18n/zh-Hans.json' with { type: 'json' };
import { call, startService, type RunningService } from '../server/harness';
import type { DistrictFeed } from '../../src/feed/schema';
import { servedEntries } from '../feedTree';
import { feedPaths } from '../../src/feed/paths';
import { startTamperingProxy } from './tamperingProxy';
import {
  expectFocusedRef,
  expectFocusedText,
  expectText,
  expectNoText,
  focusedTexts,
  keepScreenshot,
  press,
  readFeed,
  sample,
} from './tv';
import { chinaTime } from '../../src/format/dates';

let service: RunningService;
test.beforeAll(async () => {
  service = await startService(undefined, ['--poll-seconds', '2']);
});
test.afterAll(async () => service.stop());

/** The first sample village: its clerk and committee exist in the sample operators. */
const village = () => sample().villageCode;

const openLive = async (page: Page) => {
  await page.goto(`${service.url}/?inspector=1&village=${village()}`);
  await expect(page.locator('[ref="Tab-village"]')).toBeVisible();
};

/** 村务公开 (14), focus moved to its third row. */
const openVillageAffairs = async (page: Page) => {
  await openLive(page);
  await press(page, 'ArrowRight', 3);
  await press(page, 'Enter');
  await expectText(page, zhHans['channel.14']);
  await press(page, 'ArrowDown', 2);
  return (await focusedTexts(page))[0]!;
};

/** Pushes an item as the district admin, approves it and publishes; returns the new version. */
const publishItem = async (path: string, body: unknown) => {
  const { admin } = service.tokens;
  const draft = await call(service, 'PUT', path, admin.token, body);
  expect(draft.status).toBe(201);
  await call(service, 'POST', `/api/drafts/${draft.body.id}/approve`, admin.token);
  const published = await call(service, 'POST', '/api/publish', admin.token, {});
  expect(published.status).toBe(200);
  return published.body.version as number;
};

const publishNotice = (id: string, title: string, channel = 14, region = village()) =>
  publishItem(`/api/regions/${region}/channels/${channel}/items/${id}`, {
    title,
    body: ['经村民代表会议讨论通过，现予公布。'],
  });

test('a publish while the villager reads a list appears within the poll interval, and the focus stays put', async ({
  page,
}, testInfo) => {
  const focusedTitle = await openVillageAffairs(page);
  await publishNotice('live-1', '关于冬季用水安全的第二号通知');
  await expectText(page, '关于冬季用水安全的第二号通知', 8_000);
  await expectText(page, zhHans['state.fresh']);
  await expectFocusedText(page, focusedTitle);
  await keepScreenshot(page, testInfo, 'live-update');
});

test('a change in another street costs the box only the manifest; one in its own village, just its branch of the tree', async ({
  page,
}) => {
  await openLive(page);
  const streets = readFeed<DistrictFeed>('district.json').streets;
  const ownStreet = streets.find((s) => s.villages.some((v) => v.code === village()))!;
  const elsewhere = streets.find((s) => s !== ownStreet)!.villages[0]!.code;
  const fetched: string[] = [];
  page.on(
    'requestfinished',
    (request) => void (request.url().includes('/feed/objects/') && fetched.push(request.url())),
  );
  const manifestAnswer = (status: number) =>
    page.waitForResponse((r) => r.url().endsWith('/feed/manifest.json') && r.status() === status, { timeout: 8_000 });
  /** Publishes, then waits for the box to take the new manifest and poll once more (so it is done with it). */
  const publishAndAwait = async (id: string, title: string, region: string) => {
    const taken = manifestAnswer(200);
    await publishNotice(id, title, 14, region);
    await taken;
    await manifestAnswer(304);
  };

  await publishAndAwait('elsewhere-1', '另一街道的通知', elsewhere);
  expect(fetched, 'nothing but the manifest').toEqual([]);

  await publishAndAwait('own-1', '本村冬季供暖安排', village());
  const entries = await servedEntries(async (path) => (await page.request.get(`${service.url}${path}`)).json());
  const objectUrl = (path: string) => `${service.url}/feed/objects/${entries[path]!.sha256}.json`;
  expect(fetched.sort(), 'its street index, its village index and its village file').toEqual(
    [
      objectUrl(`streets/${ownStreet.code}/index.json`),
      objectUrl(`villages/${village()}/index.json`),
      objectUrl(`villages/${village()}.json`),
    ].sort(),
  );
});

test('boot asks for the settings and the manifest once; a slow feed puts the loading veil on screen, a fast one goes straight to home', async ({
  page,
}) => {
  const manifestRequests: string[] = [];
  const settingsRequests: string[] = [];
  page.on(
    'request',
    (request) => void (request.url().endsWith('/feed/manifest.json') && manifestRequests.push(request.url())),
  );
  page.on(
    'request',
    (request) => void (request.url().endsWith('/settings.json') && settingsRequests.push(request.url())),
  );
  // When the canvas goes on screen, beside when the manifest's answer arrived.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector('body > canvas')) return;
      (window as unknown as { canvasShownAt: number }).canvasShownAt = performance.now();
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  /**
   * ms from the canvas going on screen to the manifest's answer, and the files home is built
   * from (the district's, the street's and the village's, with their indexes) that had not
   * arrived by then. Files fetched ahead for pages behind the tiles may still be on their way.
   */
  const canvasShown = async () => {
    const entries = await servedEntries(async (path) => (await page.request.get(`${service.url}${path}`)).json());
    const street = readFeed<DistrictFeed>('district.json').streets.find((s) =>
      s.villages.some((v) => v.code === village()),
    )!.code;
    const homeFiles = [
      feedPaths.district(),
      feedPaths.streetIndex(street),
      feedPaths.street(street),
      feedPaths.villageIndex(village()),
      feedPaths.village(village()),
    ].map((path) => `/feed/objects/${entries[path]!.sha256}.json`);
    return page.evaluate((homeFiles) => {
      const shownAt = (window as unknown as { canvasShownAt: number }).canvasShownAt;
      const timings = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const manifest = timings.find((r) => r.name.endsWith('/feed/manifest.json'))!;
      return {
        beforeManifest: manifest.responseEnd - shownAt,
        lateHomeFiles: homeFiles.filter(
          (file) => !timings.some((r) => r.name.endsWith(file) && r.responseEnd <= shownAt),
        ),
      };
    }, homeFiles);
  };
  // Fast: the canvas comes on screen with home, after the feed; the manifest was asked for once.
  await openLive(page);
  await expect(page.locator('body > canvas')).toBeAttached();
  expect((await canvasShown()).lateHomeFiles, 'the canvas went on screen with home, once its feed was in').toEqual([]);
  expect(manifestRequests).toHaveLength(1);
  // index.html asks for the settings beside the script; the app takes that answer.
  expect(settingsRequests).toHaveLength(1);
  const settingsAsked = await page.evaluate(() => {
    const timings = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    return (
      timings.find((r) => r.name.endsWith('/settings.json'))!.startTime <
      timings.find((r) => r.name.endsWith('/app.js'))!.responseEnd
    );
  });
  expect(settingsAsked, 'settings.json was asked for before app.js had arrived').toBe(true);

  // Slow: the manifest takes 4 s to arrive. (Boxes poll every 2 s here: count from this boot on.)
  await page.goto('about:blank');
  manifestRequests.length = 0;
  await page.route('**/feed/manifest.json', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 4000));
    await route.continue();
  });
  const started = Date.now();
  await page.goto(`${service.url}/?inspector=1&village=${village()}`);
  await expect(page.locator('body > canvas')).toBeAttached({ timeout: 3000 });
  expect(Date.now() - started, 'the veil is on screen long before the feed arrives').toBeLessThan(3500);
  await expectText(page, zhHans['state.loading']);
  await expect(page.locator('[ref="Tab-village"]')).toBeVisible({ timeout: 15_000 });
  expect(manifestRequests).toHaveLength(1);
  expect(
    (await canvasShown()).beforeManifest,
    'the veil was on screen while the manifest was on its way',
  ).toBeGreaterThan(1000);
});

/** From now on the box polls a manifest altered on its way: a newer version, its signature no longer valid. */
const forgeManifest = (page: Page) =>
  page.route('**/feed/manifest.json', async (route) => {
    const response = await route.fetch({ headers: { ...route.request().headers(), 'if-none-match': '' } });
    const manifest = await response.json();
    manifest.version += 1;
    manifest.files['district.json'].sha256 = 'f'.repeat(64);
    await route.fulfill({ response, json: manifest, headers: { ...response.headers(), etag: '"forged"' } });
  });

test('a manifest with a bad signature is refused and the last good content stays', async ({ page }) => {
  const focusedTitle = await openVillageAffairs(page);
  await forgeManifest(page);
  await expectText(page, zhHans['status.rejected'], 8_000);
  await expectFocusedText(page, focusedTitle);
});

test('the signature is checked in a worker; a box whose worker cannot load checks it itself, and still refuses a forgery', async ({
  page,
}) => {
  const workerScripts: string[] = [];
  page.on('request', (request) => void (request.url().endsWith('/verify.js') && workerScripts.push(request.url())));
  await openLive(page);
  expect(workerScripts, 'boot loaded the signature worker').toHaveLength(1);

  await page.goto('about:blank');
  workerScripts.length = 0;
  await page.route('**/verify.js', (route) => route.fulfill({ status: 404, body: '' }));
  const focusedTitle = await openVillageAffairs(page);
  expect(workerScripts.length, 'the box tried its worker').toBeGreaterThan(0);
  await forgeManifest(page);
  await expectText(page, zhHans['status.rejected'], 8_000);
  await expectFocusedText(page, focusedTitle);
});

test('a file that does not match its hash is refused; the new version is taken once it does', async ({ page }) => {
  await openVillageAffairs(page);
  const before = await (await page.request.get(`${service.url}/feed/manifest.json`)).json();
  let tamper = true;
  // `*.json*`: a refused file is asked for again under a query of its own.
  await page.route(`${service.url}/feed/objects/*.json*`, async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    const known = Object.values<{ sha256: string }>(before.files).some((f) => route.request().url().includes(f.sha256));
    // Only the new village file is altered on its way to the box.
    await route.fulfill({
      response,
      body: tamper && !known ? body.replace('冬季道路清雪', '第三号冬季道路清扫') : body,
    });
  });
  await publishNotice('live-2', '第三号冬季道路清雪安排');
  await expectText(page, zhHans['status.rejected'], 8_000);
  await expectNoText(page, '第三号冬季道路清扫');
  tamper = false;
  await expectText(page, '第三号冬季道路清雪安排', 8_000);
  await expectNoText(page, zhHans['status.rejected']);
});

test('a file altered on the wire for one fetch is fetched again past the cache: the box shows the genuine version within two polls', async ({
  page,
}) => {
  const title = '第四号冬季道路清雪安排';
  let tamperedAt = -1;
  const proxy = await startTamperingProxy(service.url, (path, body) => {
    if (tamperedAt >= 0 || !path.startsWith('/feed/objects/') || !body.includes(title)) return body;
    tamperedAt = proxy.requests.length;
    return Buffer.from(body.toString('utf8').replace(title, '第四号冬季道路清扫安排'));
  });
  try {
    await page.goto(`${proxy.url}/?inspector=1&village=${village()}`);
    await expect(page.locator('[ref="Tab-village"]')).toBeVisible();
    await press(page, 'ArrowRight', 3);
    await press(page, 'Enter');
    await expectText(page, zhHans['channel.14']);
    await publishNotice('live-12', title);
    await expectText(page, title, 15_000);
    await expectNoText(page, '第四号冬季道路清扫安排');
    const since = proxy.requests.slice(tamperedAt);
    expect(tamperedAt, 'the village file was altered once').toBeGreaterThan(0);
    expect(
      since.filter((p) => p.startsWith('/feed/manifest.json')).length,
      'polls from the altered copy to the genuine one',
    ).toBeLessThanOrEqual(2);
    // After a reboot the genuine version is there too (the altered copy may sit in the browser's cache).
    await page.reload();
    await expect(page.locator('[ref="Tab-village"]')).toBeVisible();
    await press(page, 'ArrowRight', 3);
    await press(page, 'Enter');
    await expectText(page, title);
  } finally {
    await proxy.stop();
  }
});

test('an older manifest, even correctly signed, is refused: the version never goes down', async ({ page }) => {
  await openVillageAffairs(page);
  const old = await (await page.request.get(`${service.url}/feed/manifest.json`)).text();
  await publishNotice('live-3', '第十二次村民代表会议决议公告');
  await expectText(page, '第十二次村民代表会议决议公告', 8_000);
  page.on('console', (m) => console.log('console', m.text()));
  await page.route('**/feed/manifest.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: old, headers: { etag: '"old"' } }),
  );
  await expectText(page, zhHans['status.rejected'], 8_000);
  await expectText(page, '第十二次村民代表会议决议公告');
});

test('a manifest past its expiry is shown as stale, with its content', async ({ page }) => {
  await page.clock.install({ time: Date.now() + 30 * 86_400_000 });
  await openLive(page);
  await expectText(page, '内容已过期');
  await expectText(page, sample().village.region.name);
});

test('a box that boots offline shows its last good feed, says so, and recovers by itself', async ({
  page,
}, testInfo) => {
  await openLive(page);
  // The box saves its last good feed once it is idle after loading.
  await page.waitForFunction(() => Object.keys(localStorage).some((key) => key.endsWith('lastGoodFeed')));
  await page.route('**/feed/**', (route) => route.abort('internetdisconnected'));
  await page.reload();
  await expect(page.locator('[ref="Tab-village"]')).toBeVisible();
  await expectText(page, '离线');
  await expectText(page, sample().village.region.name);
  await keepScreenshot(page, testInfo, 'offline');
  await page.unroute('**/feed/**');
  // An offline box retries at least every 10 s (±20 %).
  await expectNoText(page, '离线', 20_000);
});

test('an offline copy altered on the box is not believed: the box says it cannot reach the feed', async ({ page }) => {
  await openLive(page);
  await page.waitForFunction(() => Object.keys(localStorage).some((key) => key.endsWith('lastGoodFeed')));
  const name = sample().village.region.name;
  await page.evaluate(
    ({ code, name }) => {
      const key = Object.keys(localStorage).find((k) => k.endsWith('lastGoodFeed'))!;
      const saved = JSON.parse(localStorage.getItem(key)!) as { files: Record<string, string> };
      saved.files[`villages/${code}.json`] = saved.files[`villages/${code}.json`]!.split(name).join('篡改村');
      localStorage.setItem(key, JSON.stringify(saved));
    },
    { code: village(), name },
  );
  await page.route('**/feed/**', (route) => route.abort('internetdisconnected'));
  await page.reload();
  await expectText(page, zhHans['error.unreachable']);
  await expectNoText(page, '篡改村');
  await page.unroute('**/feed/**');
});

test('a voucher corrected while the villager reads it: the voucher and, on Back, the month behind it show the correction', async ({
  page,
}) => {
  await openLive(page);
  await press(page, 'ArrowRight', 4);
  await expectFocusedRef(page, 'Channel-15');
  await press(page, 'Enter');
  await press(page, 'Enter');
  await press(page, 'ArrowDown');
  const summary = (await focusedTexts(page))[0]!;
  await press(page, 'Enter');
  await expectText(page, summary);

  // The clerk corrects the entry's summary; the month is pushed again, approved and published.
  const channel = sample().village.channels.find((c) => c.id === 15);
  if (channel?.kind !== 'ledger') throw new Error('the sample village has no ledger');
  const month = channel.content.months.at(-1)!.month;
  const path = `/api/regions/${village()}/channels/15/items/${month}`;
  const { published } = (
    await call<{ published: { vouchers: { summary: string }[] } }>(service, 'GET', path, service.tokens.admin.token)
  ).body;
  const corrected = `${summary}（已更正）`;
  published.vouchers.find((v) => v.summary === summary)!.summary = corrected;
  await publishItem(path, published);

  await expectText(page, corrected, 8_000);
  await press(page, 'Backspace');
  await expectFocusedText(page, corrected);
});

// Last in this file: the alert it publishes stays in force and would cover the tests after it.
test('an emergency alert covers the open screen within the poll interval, and OK returns the villager to the same place', async ({
  page,
}, testInfo) => {
  const focusedTitle = await openVillageAffairs(page);
  const { admin } = service.tokens;
  const district = sample().district.region.code;
  const expiresAt = chinaTime(Date.now() + 3_600_000);
  const draft = await call(service, 'PUT', `/api/regions/${district}/channels/5/items/storm-1`, admin.token, {
    level: 1,
    title: '寒潮红色预警：今夜最低气温零下十五度',
    body: '请关好门窗，注意取暖安全，严防一氧化碳中毒。独居老人请家人多加照看。',
    issuedBy: '寒亭区应急管理局',
    expiresAt,
  });
  await call(service, 'POST', `/api/drafts/${draft.body.id}/approve`, admin.token);
  await call(service, 'POST', '/api/publish', admin.token, {});
  const manifestResponse = await page.request.get(`${service.url}/feed/manifest.json`);
  expect(Number(manifestResponse.headers()['x-poll-interval'])).toBeLessThan(2);
  await expectText(page, '寒潮红色预警', 8_000);
  await expectText(page, zhHans['alert.level.1']);
  await keepScreenshot(page, testInfo, 'alert');
  await press(page, 'ArrowDown');
  await press(page, 'Enter');
  await expectNoText(page, '寒潮红色预警：今夜');
  await expectFocusedText(page, focusedTitle);
  await expectFocusedRef(page, 'Row-2');
});
