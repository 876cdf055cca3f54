/**
 * For elderly villagers: the settings screen, read-aloud (synthesis or a feed clip), number keys,
 * large text without cut-off text on any screen, and the three scripts.
 */
import { test, expect, type Page } from '@playwright/test';
import { ConverterFactory } from 'opencc-js/core';
import fromCn from 'opencc-js/from/cn';
import toTw from 'opencc-js/to/tw';
import type { ChannelOfKind, LedgerMonthFeed } from '../../src/feed/schema';
import zhHans from '../../src/i18n/zh-Hans.json' with { type: 'json' };
import zhHant from '../../src/i18n/zh-Hant.json' with { type: 'json' };
import en from '../../src/i18n/en.json' with { type: 'json' };
import {
  focused,
  expectCrumbs,
  expectFocusedRef,
  expectSpoken,
  expectText,
  keepScreenshot,
  ledgerMonth,
  openHome,
  openRoute,
  press,
  recordSpeech,
  sample,
  showRoute,
  spoken,
  textProblems,
  withPlatformSettings,
} from './tv';
import { call, startService } from '../server/harness';

const toTraditional = ConverterFactory(fromCn, toTw);

const villageChannel = <K extends 'articles' | 'ledger' | 'tables' | 'qa'>(kind: K, id: number) => {
  const channel = sample().village.channels.find((c) => c.id === id);
  if (channel?.kind !== kind) throw new Error(`sample channel ${id} is not ${kind}`);
  return channel as ChannelOfKind<K>;
};

const latestMonth = (): LedgerMonthFeed => {
  const months = villageChannel('ledger', 15).content.months;
  return ledgerMonth(months[months.length - 1]!.file);
};

test.describe('settings', () => {
  test('reached from home by the remote; read-aloud is remembered; large text restarts on the same row', async ({
    page,
  }) => {
    await openHome(page);
    // Up to the tabs, then right past the last section.
    await press(page, 'ArrowUp');
    await press(page, 'ArrowRight', 2);
    await expectFocusedRef(page, 'Settings');
    await press(page, 'Enter');
    await expectCrumbs(page, zhHans['settings.title']);
    await expectText(page, zhHans['settings.readAloud']);
    await press(page, 'Enter');
    await expect(page.locator('[focused="true"] [ref="Word"]').last()).toHaveAttribute(
      'texture-text',
      zhHans['settings.on'],
    );
    await expectText(page, zhHans['hint.read']);
    // Large text: the app restarts, back on the same row, everything bigger.
    await press(page, 'ArrowDown');
    await press(page, 'Enter');
    await expect(page.locator('[ref="List"] [ref="Row-1"] [ref="Word"]')).toHaveAttribute(
      'texture-text',
      zhHans['settings.on'],
      { timeout: 15_000 },
    );
    await expectFocusedRef(page, 'Row-1');
    await expect(page.locator(`[ref="Title"][texture-text="${zhHans['settings.title']}"]`)).toHaveAttribute(
      'texture-font_size',
      '84',
    );
    // Switched off and on: the box still has both.
    await openHome(page);
    await expect(page.locator('[ref="Village"]')).toHaveAttribute('texture-font_size', '84');
    await expectText(page, zhHans['hint.read']);
    await press(page, 'm');
    await expect(page.locator('[ref="Row-0"] [ref="Word"]')).toHaveAttribute('texture-text', zhHans['settings.on']);
  });

  test('the language chosen in settings applies, and ?lang= still overrides it', async ({ page }) => {
    await withPlatformSettings(page, { language: 'en' });
    await openHome(page);
    await expectText(page, en['section.village']);
    await openHome(page, { lang: 'zh-Hans' });
    await expectText(page, zhHans['section.village']);
  });
});

test.describe('read-aloud', () => {
  test('the focused item is spoken on every move, dates as dates', async ({ page }) => {
    await recordSpeech(page);
    await withPlatformSettings(page, { readAloud: true });
    await openHome(page);
    await press(page, 'ArrowRight', 4);
    await expectSpoken(page, `15，${zhHans['channel.15']}`);
    const ledger = villageChannel('ledger', 15);
    const [year, month, day] = ledger.updatedAt.slice(0, 10).split('-').map(Number);
    await expectSpoken(page, `${year}年${month}月${day}日`);
    // In a list, each row as it takes the focus; amounts as money, not digits.
    await press(page, 'Enter');
    await expectCrumbs(page, zhHans['section.village'], zhHans['channel.15']);
    await press(page, 'ArrowDown');
    const said = (await spoken(page)).at(-1) ?? '';
    expect(said).toMatch(/元/);
    expect(said).not.toMatch(/¥/);
  });

  test('the read key reads a whole voucher: money in words, dates, people', async ({ page }) => {
    await recordSpeech(page);
    const month = latestMonth();
    const voucher = month.vouchers[0]!;
    await openRoute(page, `voucher/${month.month}/${voucher.id}`);
    await expectText(page, voucher.summary);
    await press(page, 'r');
    await expectSpoken(page, voucher.summary);
    const text = (await spoken(page)).at(-1)!;
    expect(text).toContain(voucher.handler);
    const [y, m, d] = voucher.date.slice(0, 10).split('-').map(Number);
    expect(text).toContain(`${y}年${m}月${d}日`);
    expect(text).not.toMatch(/[¥*]/);
    // ¥400.00 → 四百元 in the sample; the general rule is unit-tested.
    if (voucher.amountFen === 40000) expect(text).toContain('四百元');
  });

  test("an official's duty phone is said digit by digit, not as one large number", async ({ page }) => {
    await recordSpeech(page);
    await withPlatformSettings(page, { readAloud: true });
    const people = sample().village.channels.find((c) => c.id === 12) as ChannelOfKind<'people'>;
    await openRoute(page, 'people/12');
    await expectSpoken(page, people.content[0]!.name);
    const tail = people.content[0]!.phone.slice(-4).replace(/[0-9]/g, (d) => '零幺二三四五六七八九'.charAt(Number(d)));
    await expectSpoken(page, new RegExp(`，${tail}$|，${tail}[^零幺二三四五六七八九]`));
    expect((await spoken(page)).join('')).not.toContain(people.content[0]!.phone);
  });

  test('an item with a prepared clip plays the clip instead of synthesis', async ({ page }) => {
    // The clip must come through the signed feed: a service of its own publishes it.
    const service = await startService();
    try {
      await recordSpeech(page);
      await page.addInitScript(() => {
        // Only the audio output is replaced: the element gets its source and is asked to play.
        const w = window as unknown as { __played: string[] };
        w.__played = [];
        HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
          w.__played.push(this.src);
          return Promise.resolve();
        };
      });
      const { villageCode } = sample();
      const clip = { src: 'media/clips/district-news.mp4', durationSec: 8 };
      const { admin } = service.tokens;
      const draft = await call(
        service,
        'PUT',
        `/api/regions/${villageCode}/channels/13/items/spoken-notice`,
        admin.token,
        {
          title: '党员大会录音通知',
          body: ['本通知配有村委会录制的方言录音。'],
          audio: clip,
        },
      );
      expect(draft.status).toBe(201);
      await call(service, 'POST', `/api/drafts/${draft.body.id}/approve`, admin.token);
      expect((await call(service, 'POST', '/api/publish', admin.token, {})).status).toBe(200);
      await page.goto(`${service.url}/?inspector=1&village=${villageCode}#read/13/spoken-notice`);
      await expectText(page, '党员大会录音通知');
      await press(page, 'r');
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { __played: string[] }).__played))
        .toEqual([expect.stringMatching(new RegExp(`/feed/${clip.src}$`))]);
      expect((await spoken(page)).some((s) => s.includes('本通知配有'))).toBe(false);
    } finally {
      await service.stop();
    }
  });

  test('a box without a Chinese voice says once, on screen, that it cannot read aloud', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: undefined });
    });
    await withPlatformSettings(page, { readAloud: true });
    await openHome(page);
    await press(page, 'ArrowRight');
    await expectText(page, zhHans['speech.unsupported']);
  });
});

test.describe('number keys', () => {
  test('1-4 choose a section after a pause or at once with OK, 15 opens income & spending with the digits shown, 0 returns home', async ({
    page,
  }) => {
    await openHome(page);
    await press(page, '1');
    await expectText(page, '1_');
    await expectFocusedRef(page, 'Channel-1');
    await press(page, '4');
    await expectFocusedRef(page, 'Channel-21');
    await press(page, '1');
    await expect(page.locator('[ref="ChannelEntry"] [ref="Digits"]')).toHaveAttribute('texture-text', '1_');
    await press(page, '5');
    await expect(page.locator('[ref="ChannelEntry"] [ref="Digits"]')).toHaveAttribute('texture-text', '15');
    await expectCrumbs(page, zhHans['section.village'], zhHans['channel.15']);
    await press(page, '0');
    await expect(page.locator('[ref="Tab-village"]')).toBeVisible({ timeout: 5000 });
    await expectFocusedRef(page, 'Channel-11');
    // From deep inside, a single digit 7 opens sub-channel 7; 2 then shows the street section.
    await press(page, '7');
    await expectCrumbs(page, zhHans['section.street'], zhHans['channel.7']);
    // OK after a digit takes it at once, as on a TV, and opens nothing on the page behind.
    await press(page, '1');
    await press(page, 'Enter');
    expect(await focused(page).getAttribute('ref')).toBe('Channel-1');
    await press(page, '7');
    await expectCrumbs(page, zhHans['section.street'], zhHans['channel.7']);
    await press(page, '2');
    await expectFocusedRef(page, 'Channel-6');
    // 9 cannot begin a two-digit channel: it opens sub-channel 9 at once.
    await press(page, '9');
    await expectCrumbs(page, zhHans['section.street'], zhHans['channel.9']);
    await press(page, '2');
    await press(page, '6');
    await expectText(page, zhHans['number.none'].replace('{number}', '26'));
  });
});

test.describe('three scripts', () => {
  const notice = () => villageChannel('articles', 13).content[0]!;

  test('Simplified: UI and feed as published', async ({ page }) => {
    await openRoute(page, `read/13/${notice().id}`);
    await expectText(page, notice().title);
    await openHome(page);
    await expectText(page, zhHans['channel.15']);
  });

  test('Traditional: UI in Traditional and feed text converted (财务 → 財務)', async ({ page }, testInfo) => {
    await openHome(page, { lang: 'zh-Hant' });
    await expectText(page, zhHant['channel.15']);
    expect(zhHant['channel.15']).toContain('財務');
    await expectText(page, toTraditional(sample().village.region.name));
    await keepScreenshot(page, testInfo, 'home-zh-Hant');
    await openRoute(page, `read/13/${notice().id}`, { lang: 'zh-Hant' });
    const title = toTraditional(notice().title);
    expect(title).not.toBe(notice().title);
    await expectText(page, title);
    await expectText(page, toTraditional(notice().body[0]!).slice(2, 20));
    await keepScreenshot(page, testInfo, 'notice-zh-Hant');
  });

  test('English: UI in English, feed text as published', async ({ page }) => {
    await openHome(page, { lang: 'en' });
    await expectText(page, en['channel.15']);
    await openRoute(page, `read/13/${notice().id}`, { lang: 'en' });
    await expectText(page, notice().title);
    await expectText(page, en['section.village']);
  });
});

/** One route per screen type, from the sample. */
const screens = (): [string, string][] => {
  const month = latestMonth();
  const voucher = month.vouchers.find((v) => v.receipts.length)!;
  const notices = villageChannel('articles', 13);
  const withPhotos = notices.content.find((a) => a.photos?.length) ?? notices.content[0]!;
  const qa = villageChannel('qa', 20);
  const profile = sample().village.channels.find((c) => c.id === 11) as ChannelOfKind<'profile'>;
  return [
    ['home', 'home'],
    ['settings', 'settings'],
    ['list', 'list/13'],
    ['ledger months', 'list/15'],
    ['question list', 'list/20'],
    ['reader', `read/13/${notices.content[0]!.id}`],
    ['profile', `read/11/${profile.content.id}`],
    ['question', `read/20/${qa.content[0]!.id}`],
    ['gallery', `photos/13/${withPhotos.id}`],
    ['people', 'people/12'],
    ['table', 'table/19/0'],
    ['month', `month/${month.month}`],
    ['voucher', `voucher/${month.month}/${voucher.id}`],
    ['receipt', `receipt/${month.month}/${voucher.id}`],
    ['household', 'household/21'],
    ['error', 'read/13/no-such-item'],
  ];
};

const checkScreens = async (page: Page, lang: string) => {
  const found: string[] = [];
  // One boot, the screens then opened as keys would.
  for (const [name, hash] of screens()) {
    await showRoute(page, hash, { lang });
    for (const problem of await textProblems(page)) found.push(`${name}: ${problem}`);
  }
  return found;
};

test.describe('large text', () => {
  for (const [w, h] of [
    [1920, 1080],
    [1280, 720],
  ] as const) {
    for (const lang of ['zh-Hans', 'en']) {
      test(`every screen type at ${h}p in ${lang}: text 1.4× and none cut off or outside its box`, async ({
        browser,
      }) => {
        test.setTimeout(120_000);
        const page = await browser.newPage({ viewport: { width: w, height: h } });
        await withPlatformSettings(page, { largeText: true });
        expect(await checkScreens(page, lang)).toEqual([]);
        await page.close();
      });
    }
  }

  test('high contrast and large text together keep the focus outlined and scaled', async ({ page }, testInfo) => {
    await withPlatformSettings(page, { largeText: true, highContrast: true });
    await openHome(page);
    await expectFocusLook(page);
    await keepScreenshot(page, testInfo, 'home-large-contrast');
    await openRoute(page, 'list/15');
    await expectFocusLook(page);
    await keepScreenshot(page, testInfo, 'ledger-large-contrast');
  });
});

/** The focused element shows its outline and is scaled up: never colour alone. */
const expectFocusLook = async (page: Page) => {
  await expect
    .poll(() =>
      focused(page).evaluate((el) => {
        const e = (el as unknown as { element: { scaleX: number; tag(ref: string): { alpha: number } | undefined } })
          .element;
        return { scaled: e.scaleX > 1.02, outlined: e.tag('Outline')?.alpha === 1 };
      }),
    )
    .toEqual({ scaled: true, outlined: true });
};

test('every kind of focusable thing shows outline and scale', async ({ page }) => {
  const month = latestMonth();
  await openHome(page);
  await expectFocusLook(page); // a tile
  await press(page, 'ArrowUp');
  await expectFocusLook(page); // a tab
  await press(page, 'ArrowRight', 2);
  await expectFocusedRef(page, 'Settings');
  await expectFocusLook(page);
  await press(page, 'Escape');
  await expectFocusedRef(page, 'No');
  await expectFocusLook(page); // a dialog button
  for (const hash of ['settings', `month/${month.month}`, 'people/12']) {
    await openRoute(page, hash);
    await expectFocusLook(page);
  }
  // A table row is outlined but not scaled, so its cells stay under the header's.
  await openRoute(page, 'table/19/0');
  await expect
    .poll(() =>
      focused(page).evaluate((el) => {
        const e = (el as unknown as { element: { scaleX: number; tag(ref: string): { alpha: number } | undefined } })
          .element;
        return { scale: e.scaleX, outlined: e.tag('Outline')?.alpha === 1 };
      }),
    )
    .toEqual({ scale: 1, outlined: true });
});
