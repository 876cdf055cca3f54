import { test, expect, type Page } from '@playwright/test';
import { CHANNELS, SECTIONS } from '../../src/feed/taxonomy';
import { expectsMore } from '../../src/tv/channelNumber';
import { chinaDate, formatDate } from '../../src/format/dates';
import zhHans from '../../src/i18n/zh-Hans.json' with { type: 'json' };
import {
  expectCrumbs,
  expectFocusedRef,
  expectFocusedText,
  expectNoText,
  expectText,
  feedChannel,
  firstText,
  focusedTexts,
  keepScreenshot,
  openHome,
  openTv,
  press,
  sample,
  sampleVillages,
  sceneProblems,
  screenTexts,
  textProblems,
  withPlatformSettings,
} from './tv';

test('home shows the village, today, the four sections and the tiles with their update dates', async ({
  page,
}, testInfo) => {
  await openHome(page);
  const { village, street } = sample();
  await expectText(page, village.region.name);
  await expectText(page, street.region.name);
  await expectText(page, formatDate(chinaDate(Date.now()).iso));
  for (const section of ['district', 'street', 'village', 'household'] as const) {
    await expect(page.locator(`[ref="Tab-${section}"] [texture-text="${zhHans[`section.${section}`]}"]`)).toHaveCount(
      1,
    );
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
  const chosen = sampleVillages().find(
    (v) => v.village.channels.some(isOverdue) && v.village.channels.some((c) => !isOverdue(c)),
  );
  expect(chosen, 'the sample has a village with an overdue channel').toBeDefined();
  const { village, villageCode } = chosen!;
  await openHome(page, { village: villageCode });
  const overdue = village.channels.filter(isOverdue);
  for (const channel of village.channels) {
    const tile = page.locator(`[ref="Channel-${channel.id}"] [ref="Overdue"]`);
    if (overdue.includes(channel)) await expect(tile).toBeVisible();
    else await expect(tile).toBeHidden();
  }
  await expect(
    page.locator(`[ref="Channel-${overdue[0]!.id}"] [texture-text="${zhHans['state.overdue']}"]`),
  ).toBeVisible();
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

/** Shows a section of home by its number key (1-4), the focus on its first tile. */
const showSection = async (page: Page, index: number) => {
  const digit = String(index + 1);
  await press(page, digit);
  // OK ends a number that could go on (1_) without the pause, as a villager in a hurry would.
  if (expectsMore(digit)) await press(page, 'Enter');
  await expectFocusedRef(page, `Channel-${CHANNELS.find((c) => c.section === SECTIONS[index])!.id}`);
};

test('every tile draws its own sub-channel icon, loaded', async ({ page }) => {
  await openHome(page);
  for (const [index, section] of SECTIONS.entries()) {
    await showSection(page, index);
    for (const spec of CHANNELS.filter((c) => c.section === section)) {
      const icon = page.locator(`[ref="Channel-${spec.id}"] > [ref="Icon"]`);
      await expect(icon).toHaveAttribute(
        'texture-src',
        new RegExp(`/icons/channel-${String(spec.id).padStart(2, '0')}\\.png$`),
      );
      await expect
        .poll(
          () =>
            icon.evaluate((el) => {
              const source = (
                el as unknown as { element: { texture?: { source?: { isLoaded(): boolean; w: number } } } }
              ).element.texture?.source;
              return !!source?.isLoaded() && source.w > 0;
            }),
          { message: `icon of ${spec.id} loaded` },
        )
        .toBe(true);
    }
  }
});

test('an unbound box marks each household tile locked, with a lock and in words, and no other tile', async ({
  page,
}) => {
  await openHome(page);
  for (const [index, section] of SECTIONS.entries()) {
    await showSection(page, index);
    for (const spec of CHANNELS.filter((c) => c.section === section)) {
      const word = page.locator(`[ref="Channel-${spec.id}"] [ref="Lock"] [ref="Label"]`);
      const lock = page.locator(`[ref="Channel-${spec.id}"] [ref="Lock"] [ref="Icon"]`);
      if (spec.kind !== 'household') {
        await expect(word).toBeHidden();
        await expect(lock).toBeHidden();
        continue;
      }
      await expect(word).toBeVisible();
      await expect(word).toHaveAttribute('texture-text', zhHans['tile.locked']);
      await expect(lock).toBeVisible();
      await expect(lock).toHaveAttribute('texture-src', /\/icons\/lock\.png$/);
    }
  }
});

test('the emergency broadcast (05) is two presses and OK from the first tile of every section', async ({ page }) => {
  await openHome(page);
  // From home's first focus: Up to the tabs, Up to the emergency button, OK.
  await expectFocusedRef(page, 'Channel-11');
  await press(page, 'ArrowUp', 2);
  await expectFocusedRef(page, 'Emergency');
  await expectFocusedText(page, zhHans['home.emergency']);
  await press(page, 'Enter');
  await expectCrumbs(page, zhHans['section.district'], zhHans['channel.5']);
  await expectText(page, firstText(feedChannel(5)!));
  await press(page, 'Backspace');
  await expectFocusedRef(page, 'Emergency');
  // Down goes back where Up came from.
  await press(page, 'ArrowDown');
  await expectFocusedRef(page, 'Tab-village');
  for (const index of SECTIONS.keys()) {
    await showSection(page, index);
    await press(page, 'ArrowUp', 2);
    await expectFocusedRef(page, 'Emergency');
  }
  await press(page, 'ArrowDown');
  await press(page, 'ArrowRight');
  await expectFocusedRef(page, 'Settings');
  await press(page, 'ArrowUp');
  await expectFocusedRef(page, 'Emergency');
  await press(page, 'ArrowDown');
  await expectFocusedRef(page, 'Settings');
  // The channel number still opens it too.
  await press(page, '5');
  await expectCrumbs(page, zhHans['section.district'], zhHans['channel.5']);
});

/** The visible tiles' union, the hint bar's top and the "more" line's box, in CSS px. */
const tileArea = (page: Page) =>
  page.evaluate(() => {
    const shown = (el: Element) => el.getAttribute('visible') !== 'false' && el.getBoundingClientRect().width > 0;
    const tiles = Array.from(document.querySelectorAll('[ref^="Channel-"]'))
      .filter(shown)
      .map((el) => el.getBoundingClientRect());
    const more = document.querySelector('[ref="More"]');
    return {
      left: Math.min(...tiles.map((r) => r.left)),
      right: Math.max(...tiles.map((r) => r.right)),
      bottom: Math.max(...tiles.map((r) => r.bottom)),
      widths: [...new Set(tiles.map((r) => Math.round(r.width)))],
      hintTop: document.querySelector('[ref="HintBar"]')!.getBoundingClientRect().top,
      more: more?.getAttribute('texture-text') ? more.getBoundingClientRect().height : 0,
    };
  });

/** Outlines and edges whose texture is not their own: a box's size, give or take the stroke. */
const framesDrawnWrong = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('[ref="Edge"], [ref="Outline"]')).flatMap((el) => {
      type Sized = { w: number; h: number; texture?: { source?: Sized & { isLoaded(): boolean } } };
      const source = (el as unknown as { element: Sized }).element.texture?.source;
      const box = (el.parentElement as unknown as { element: Sized }).element;
      if (!source?.isLoaded()) return [];
      const fits = source.w >= box.w && source.w <= box.w + 12 && source.h >= box.h && source.h <= box.h + 12;
      return fits
        ? []
        : [
            `${el.parentElement!.getAttribute('ref')} ${el.getAttribute('ref')}: ${source.w}×${source.h} on ${box.w}×${box.h}`,
          ];
    }),
  );

const MODES = {
  normal: {},
  large: { largeText: true },
  contrast: { highContrast: true },
  'large English': { largeText: true, language: 'en' },
} as const;

for (const [w, h] of [
  [1920, 1080],
  [1280, 720],
] as const) {
  for (const [mode, settings] of Object.entries(MODES)) {
    test(`every section of home, ${mode}, ${h}p: tiles fill the area, no overlap, nothing outside the safe area, contrast`, async ({
      browser,
    }) => {
      test.setTimeout(120_000);
      const page = await browser.newPage({ viewport: { width: w, height: h } });
      await withPlatformSettings(page, settings);
      await openHome(page);
      const scale = w / 1920;
      for (const [index, section] of SECTIONS.entries()) {
        await showSection(page, index);
        // Focus on the tab, so that no tile is scaled up by the focus.
        await press(page, 'ArrowUp');
        await expectFocusedRef(page, `Tab-${section}`);
        await expect
          .poll(async () => (await tileArea(page)).widths.length, { message: 'tiles back to one size' })
          .toBe(1);
        const area = await tileArea(page);
        // Across the safe area, and down to the hint bar but for the gap (and the line that says how many more).
        expect(Math.abs(area.left - 96 * scale), `${section} left edge`).toBeLessThanOrEqual(2);
        expect(Math.abs(area.right - (1920 - 96) * scale), `${section} right edge`).toBeLessThanOrEqual(2);
        expect(area.hintTop - area.bottom, `${section}: space under the tiles`).toBeLessThanOrEqual(
          area.more + 36 * scale,
        );
        expect(area.hintTop - area.bottom, `${section}: tiles above the hint bar`).toBeGreaterThanOrEqual(area.more);
        const problems = async () => [
          ...(await textProblems(page)),
          ...(await sceneProblems(page)),
          ...(await framesDrawnWrong(page)),
        ];
        await expect.poll(problems, { message: `${section} reads well` }).toEqual([]);
        // Every row, those scrolled into view by Down too.
        const tiles = CHANNELS.filter((c) => c.section === section).length;
        const columns = mode.startsWith('large') ? 2 : 5;
        for (let row = 0; row < Math.ceil(tiles / columns); row++) {
          await press(page, 'ArrowDown');
          await expect.poll(problems, { message: `${section}, row ${row + 1} reads well` }).toEqual([]);
        }
      }
      await page.close();
    });
  }
}

test('the app boots under its Content-Security-Policy with no violation, modern and legacy bundles', async ({
  page,
}) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      ((window as unknown as { cspViolations: string[] }).cspViolations ??= []).push(
        `${e.violatedDirective} ${e.blockedURI}`,
      ),
    ),
  );
  for (const bundle of ['modern', 'legacy']) {
    const served = await page.request.get('/');
    expect(served.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    // Home on screen: the settings, the feed files, the signature worker and the font were all loaded under the policy.
    await openHome(page, { bundle });
    await expect(page.locator('html')).toHaveAttribute('data-boot', 'shown');
    await expect(page.locator('html')).toHaveAttribute('data-bundle', bundle);
    expect(await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [])).toEqual(
      [],
    );
  }
  expect(violations).toEqual([]);
});
