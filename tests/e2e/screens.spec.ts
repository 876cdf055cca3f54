/**
 * Every screen type in every look (normal, large text, high contrast) at 1080p and 720p, read
 * from the scene: no two texts overlap, none leaves its panel or the safe area, none is cut off, and every text has
 * 7:1 contrast with what it sits on (4.5:1 for large text). The 1080p pass also writes the
 * contact sheet's images (docs/screens/) and the README's docs/home.png, so they cannot go stale.
 */
import { mkdirSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import sharp from 'sharp';
import type { ChannelOfKind } from '../../src/feed/schema';
import zhHans from '../../src/i18n/zh-Hans.json' with { type: 'json' };
import { call, startService, type RunningService } from '../server/harness';
import { titleTokens } from '../../src/tv/text/layout';
import { chinaTime } from '../../src/format/dates';
import {
  expectText,
  openRoute,
  press,
  sample,
  sceneProblems,
  screenRoutes,
  settle,
  showRoute,
  textProblems,
  withPlatformSettings,
} from './tv';

// The longest file of the suite, of independent tests (those that publish have services of
// their own): spread over the workers, not run one after another on one.
test.describe.configure({ mode: 'parallel' });

const MODES = {
  normal: {},
  large: { largeText: true },
  contrast: { highContrast: true },
} as const;
type Mode = keyof typeof MODES;

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
    test(`every screen type, ${mode}, ${h}p: no overlap, nothing outside its panel or the safe area, contrast 7:1`, async ({
      browser,
    }) => {
      test.setTimeout(240_000);
      const page = await browser.newPage({ viewport: { width: w, height: h } });
      await withPlatformSettings(page, MODES[mode]);
      const found: string[] = [];
      if (h === 1080) mkdirSync('docs/screens', { recursive: true });
      // One boot per look (two: the picker is a box with no village), the screens then opened as keys would.
      for (const [name, hash] of screenRoutes()) {
        await showRoute(page, hash, name === 'picker' ? { village: '' } : {});
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
  // A manifest whose signature fails: the box keeps its last good content and says the update failed.
  failed: {
    text: zhHans['status.rejected'],
    arrange: async (page) => {
      await openRoute(page, 'home');
      await page.waitForFunction(
        () => Object.keys(localStorage).some((key) => key.endsWith('lastGoodFeed')),
        undefined,
        { timeout: 30_000 },
      );
      await page.route('**/feed/manifest.json', async (route) => {
        const response = await route.fetch({ headers: { ...route.request().headers(), 'if-none-match': '' } });
        const manifest = await response.json();
        manifest.version += 1;
        manifest.files['district.json'].sha256 = 'f'.repeat(64);
        await route.fulfill({ response, json: manifest, headers: { ...response.headers(), etag: '"forged"' } });
      });
    },
  },
  offline: {
    text: '离线',
    arrange: async (page) => {
      // A box that has its last good feed saved, then loses the network.
      await openRoute(page, 'home');
      await page.waitForFunction(
        () => Object.keys(localStorage).some((key) => key.endsWith('lastGoodFeed')),
        undefined,
        { timeout: 30_000 },
      );
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
      test(`footer ${state}, ${large ? 'large text' : 'normal'}, ${h}p: the status line and the key hints never overlap`, async ({
        browser,
      }) => {
        test.setTimeout(180_000);
        const page = await browser.newPage({ viewport: { width: w, height: h } });
        await withPlatformSettings(page, { largeText: large });
        await arrange(page);
        const found: string[] = [];
        // The screens that show the feed (settings, the unbound household and help read none of it). The
        // first boots in the arranged state (at once, not at the next poll); the state holds while
        // the rest are opened as keys would.
        for (const [index, [name, hash]] of screenRoutes()
          .filter(([n]) => !['picker', 'settings', 'household', 'help'].includes(n))
          .entries()) {
          await (index === 0 ? openRoute : showRoute)(page, hash);
          await expectText(page, text, 20_000);
          for (const problem of await problemsOf(page)) found.push(`${name}: ${problem}`);
        }
        expect(found).toEqual([]);
        await page.close();
      });
    }
  }
}

/**
 * New items: a publish while the box shows a list marks the new item 新 and updates home's
 * tile, with the footer's hints, in normal and large text at 1080p and 720p. Against a service
 * of its own that the box polls every 2 s.
 */
test.describe('footer and lists with new items', () => {
  let service: RunningService;
  test.beforeAll(async () => {
    service = await startService(undefined, ['--poll-seconds', '2']);
  });
  test.afterAll(async () => service.stop());

  let published = 0;
  for (const [w, h] of [
    [1920, 1080],
    [1280, 720],
  ] as const) {
    for (const large of [false, true]) {
      test(`new items, ${large ? 'large text' : 'normal'}, ${h}p: the new mark, the status line and the key hints never overlap`, async ({
        browser,
      }) => {
        test.setTimeout(120_000);
        const page = await browser.newPage({ viewport: { width: w, height: h } });
        await withPlatformSettings(page, { largeText: large });
        const { villageCode } = sample();
        await page.goto(`${service.url}/?inspector=1&village=${villageCode}#list/14`);
        await expectText(page, zhHans['channel.14'], 20_000);
        const title = `关于冬季用水安全的第${++published}号通知`;
        const { admin } = service.tokens;
        const draft = await call(
          service,
          'PUT',
          `/api/regions/${villageCode}/channels/14/items/new-${published}`,
          admin.token,
          { title, body: ['经村民代表会议讨论通过，现予公布。'] },
        );
        expect(draft.status).toBe(201);
        await call(service, 'POST', `/api/drafts/${draft.body.id}/approve`, admin.token);
        expect((await call(service, 'POST', '/api/publish', admin.token, {})).status).toBe(200);
        await expectText(page, title, 15_000);
        await expectText(page, zhHans['state.fresh']);
        expect(await problemsOf(page)).toEqual([]);
        await page.close();
      });
    }
  }
});

/**
 * The emergency alert over a screen, in a level whose colour is hardest to write on (yellow),
 * with a long message, in every look at both sizes: the level on the band, the message on its
 * panel, none overlapping or under 7:1. The alert stays in force, so it has a service of its own.
 */
test.describe('the emergency alert over a screen', () => {
  let service: RunningService;
  test.beforeAll(async () => {
    service = await startService(undefined, ['--poll-seconds', '2']);
  });
  test.afterAll(async () => service.stop());

  test('a yellow alert with a long message, every look, 1080p and 720p: level, message and hint never overlap, contrast 7:1', async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const { admin } = service.tokens;
    const district = sample().district.region.code;
    const title = '暴雪黄色预警：今天夜间到明天白天有大到暴雪，局地暴雪，积雪深度可达十厘米';
    const body = '请减少外出，注意交通安全；做好大棚、畜舍的加固和防寒工作；独居老人请家人多加照看。';
    const draft = await call(service, 'PUT', `/api/regions/${district}/channels/5/items/snow-1`, admin.token, {
      level: 3,
      title,
      body,
      issuedBy: '寒亭区应急管理局',
      expiresAt: chinaTime(Date.now() + 3_600_000),
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    await call(service, 'POST', `/api/drafts/${draft.body.id}/approve`, admin.token);
    expect((await call(service, 'POST', '/api/publish', admin.token, {})).status).toBe(200);
    const found: string[] = [];
    for (const [w, h] of [
      [1920, 1080],
      [1280, 720],
    ] as const) {
      for (const mode of Object.keys(MODES) as Mode[]) {
        const page = await browser.newPage({ viewport: { width: w, height: h } });
        await withPlatformSettings(page, MODES[mode]);
        await page.goto(`${service.url}/?inspector=1&village=${sample().villageCode}#settings`);
        await expectText(page, zhHans['alert.level.3'], 20_000);
        await expectText(page, title.slice(0, 10));
        // The overlay's own texts only: the screen under it is covered by the scrim.
        const ours = [zhHans['alert.level.3'], title, body, zhHans['alert.dismiss'], '发布单位'];
        const isOurs = (quoted: string) =>
          ours.some((text) => text.startsWith(quoted.replace(/^⚠ /, '').replace(/…$/, '')) || quoted.startsWith(text));
        for (const problem of await problemsOf(page)) {
          const quoted = [...problem.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
          if (quoted.every(isOurs)) found.push(`${mode} ${h}p: ${problem}`);
        }
        if (h === 1080) await writeSheetImage(page, `docs/screens/alert-overlay-${mode}.png`);
        await page.close();
      }
    }
    expect(found).toEqual([]);
  });
});

/** Each visible text's lines as Lightning laid them out, with the element's ref. */
const renderedLines = (page: Page): Promise<{ ref: string; text: string; lines: string[]; cut: boolean }[]> =>
  page.evaluate(() => {
    // Lightning gives each line as a string, or (its advanced renderer) as { info: { text } }.
    type Info = { lines: (string | { info: { text: string } })[]; moreTextLines?: boolean };
    const hidden = (el: Element | null): boolean => {
      for (let e = el; e; e = e.parentElement)
        if (e.getAttribute('visible') === 'false' || e.getAttribute('alpha') === '0') return true;
      return false;
    };
    return Array.from(document.querySelectorAll('[texture-text]'))
      .filter((el) => !hidden(el))
      .map((el) => {
        const info = (el as unknown as { element?: { texture?: { source?: { renderInfo?: Info } } } }).element?.texture
          ?.source?.renderInfo;
        const lines = (info?.lines ?? []).map((line) => (typeof line === 'string' ? line : line.info.text));
        return {
          ref: el.getAttribute('ref') ?? '',
          text: el.getAttribute('texture-text') ?? '',
          lines,
          cut: !!info?.moreTextLines,
        };
      });
  });

for (const [w, h] of [
  [1920, 1080],
  [1280, 720],
] as const) {
  for (const large of [false, true]) {
    test(`officials, ${large ? 'large text' : 'normal'}, ${h}p: every duty phone in full, no line broken inside a bracket pair or a title's word`, async ({
      browser,
    }) => {
      const page = await browser.newPage({ viewport: { width: w, height: h } });
      await withPlatformSettings(page, { largeText: large });
      const people = (sample().village.channels.find((c) => c.id === 12) as ChannelOfKind<'people'>).content;
      await openRoute(page, 'people/12');
      await expectText(page, people[0]!.phone);
      // Every card is visited, so every card is drawn at least once.
      const seen = new Map<string, { ref: string; text: string; lines: string[]; cut: boolean }>();
      for (let i = 0; i < people.length; i++) {
        for (const shown of await renderedLines(page)) seen.set(`${shown.ref} ${shown.text}`, shown);
        await press(page, i % 2 ? 'ArrowDown' : 'ArrowRight');
        await settle(page);
      }
      const all = [...seen.values()];
      for (const person of people) {
        const phone = all.find((s) => s.ref === 'Phone' && s.text.includes(person.phone));
        expect(phone, `${person.name}'s phone ${person.phone} is on screen`).toBeDefined();
        expect(phone!.cut, person.phone).toBe(false);
        expect(phone!.lines.join(''), person.phone).not.toContain('…');
        expect(phone!.lines.join('')).toContain(person.phone);
      }
      for (const shown of all) {
        for (const line of shown.lines) {
          const opens = (line.match(/[（「《]/g) ?? []).length;
          const closes = (line.match(/[）」》]/g) ?? []).length;
          expect(opens, `${shown.ref} line "${line}" of "${shown.text}"`).toBe(closes);
        }
      }
      // Roles break between whole words only: each line ends where a word of the title ends.
      const roles = all.filter((s) => s.ref === 'Role');
      expect(roles.length).toBeGreaterThan(0);
      for (const role of roles) {
        const lines = role.lines.map((l) => l.replace(/…$/, ''));
        const pieces = titleTokens(role.text.replace(/\n/g, ''));
        let at = 0;
        for (const line of lines.slice(0, -1)) {
          let taken = '';
          while (taken.length < line.length && at < pieces.length) taken += pieces[at++];
          expect(taken, `role line "${line}" of "${role.text}"`).toBe(line);
        }
      }
      // OK on an official opens everything about them.
      await openRoute(page, 'people/12');
      await page.keyboard.press('Enter');
      await expectText(page, people[0]!.duties.slice(0, 12));
      await expectText(page, people[0]!.phone);
      await page.close();
    });
  }
}
