/**
 * Every screen type in every look (normal, large text, high contrast) at 1080p and 720p, read
 * from the scene: no two texts overlap, none leaves its panel or the safe area, none is cut off, and every text has
 * 7:1 contrast with what it sits on (4.5:1 for large text). The 1080p pass also writes the
 * contact sheet's images (docs/screens/) and the README's docs/home.png, so they cannot go stale.
 */
import { mkdirSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import sharp from 'sharp';
import type { ChannelOfKind, DistrictFeed } from '../../src/feed/schema';
import { expectText, ledgerMonth, openRoute, readFeed, sample, sceneProblems, textProblems, withPlatformSettings } from './tv';

const MODES = {
  normal: {},
  large: { largeText: true },
  contrast: { highContrast: true },
} as const;
type Mode = keyof typeof MODES;

/** One route per screen type, from the sample. */
export const screenRoutes = (): [name: string, hash: string][] => {
  const { village } = sample();
  const district = readFeed<DistrictFeed>('district.json');
  const ledger = village.channels.find((c) => c.id === 15) as ChannelOfKind<'ledger'>;
  const month = ledgerMonth(ledger.content.months[ledger.content.months.length - 1]!.file);
  const voucher = month.vouchers.find((v) => v.receipts.length)!;
  const notices = (village.channels.find((c) => c.id === 13) as ChannelOfKind<'articles'>).content;
  const alerts = district.channels.find((c) => c.id === 5) as ChannelOfKind<'alerts'>;
  const profile = village.channels.find((c) => c.id === 11) as ChannelOfKind<'profile'>;
  return [
    ['home', 'home'],
    ['picker', 'pick'],
    ['settings', 'settings'],
    ['list', 'list/13'],
    ['reader', `read/13/${notices[0]!.id}`],
    ['profile', `read/11/${profile.content.id}`],
    ['alert', `read/5/${alerts.content[0]!.id}`],
    ['gallery', `photos/13/${(notices.find((a) => a.photos?.length) ?? notices[0]!).id}`],
    ['people', 'people/12'],
    ['contacts', 'list/9'],
    ['table', 'table/19/0'],
    ['months', 'list/15'],
    ['month', `month/${month.month}`],
    ['voucher', `voucher/${month.month}/${voucher.id}`],
    ['receipt', `receipt/${month.month}/${voucher.id}`],
    ['household', 'household/21'],
  ];
};

const problemsOf = async (page: Page) => [...(await textProblems(page)), ...(await sceneProblems(page))];

/** Keeps a 960×540 copy of the screen (small enough for the repository). */
const writeSheetImage = async (page: Page, path: string) => {
  const png = await page.screenshot();
  await sharp(png).resize(960, 540).png({ palette: true, quality: 90, compressionLevel: 9 }).toFile(path);
};

for (const [w, h] of [
  [1920, 1080],
  [1280, 720],
] as const) {
  for (const mode of Object.keys(MODES) as Mode[]) {
    test(`every screen type, ${mode}, ${h}p: no overlap, nothing outside its panel or the safe area, contrast 7:1`, async ({ browser }) => {
      test.setTimeout(240_000);
      const page = await browser.newPage({ viewport: { width: w, height: h } });
      await withPlatformSettings(page, MODES[mode]);
      const found: string[] = [];
      if (h === 1080) mkdirSync('docs/screens', { recursive: true });
      for (const [name, hash] of screenRoutes()) {
        await openRoute(page, hash, name === 'picker' ? { village: '' } : {});
        await page.waitForTimeout(500);
        for (const problem of await problemsOf(page)) found.push(`${name}: ${problem}`);
        if (h === 1080) {
          await writeSheetImage(page, `docs/screens/${name}-${mode}.png`);
          if (name === 'home' && mode === 'normal') await writeSheetImage(page, 'docs/home.png');
        }
      }
      expect(found).toEqual([]);
      await page.close();
    });
  }
}

/** The footer's states: the feed's status line shares the bar with the key hints. */
const FOOTER_STATES: Record<string, { text: string; arrange(page: Page): Promise<void> }> = {
  stale: {
    text: '内容已过期',
    arrange: (page) => page.clock.install({ time: Date.now() + 30 * 86_400_000 }),
  },
  offline: {
    text: '离线',
    arrange: async (page) => {
      // A box that has its last good feed saved, then loses the network.
      await openRoute(page, 'home');
      await page.waitForFunction(() => Object.keys(localStorage).some((key) => key.endsWith('lastGoodFeed')), undefined, { timeout: 30_000 });
      await page.route('**/feed/**', (route) => route.abort('internetdisconnected'));
    },
  },
};

for (const [w, h] of [
  [1920, 1080],
  [1280, 720],
] as const) {
  for (const large of [false, true]) {
    for (const [state, { text, arrange }] of Object.entries(FOOTER_STATES)) {
      test(`footer ${state}, ${large ? 'large text' : 'normal'}, ${h}p: the status line and the key hints never overlap`, async ({ browser }) => {
        test.setTimeout(180_000);
        const page = await browser.newPage({ viewport: { width: w, height: h } });
        await withPlatformSettings(page, { largeText: large });
        await arrange(page);
        const found: string[] = [];
        // The screens that show the feed (settings and the unbound household read none of it).
        for (const [name, hash] of screenRoutes().filter(([n]) => !['picker', 'settings', 'household'].includes(n))) {
          await openRoute(page, hash);
          await expectText(page, text, 20_000);
          for (const problem of await problemsOf(page)) found.push(`${name}: ${problem}`);
        }
        expect(found).toEqual([]);
        await page.close();
      });
    }
  }
}
