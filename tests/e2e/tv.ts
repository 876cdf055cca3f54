/**
 * Drives the TV app like a villager: key presses only, and reads the screen through
 * Lightning's inspector (?inspector=1), which mirrors texts and focus into the DOM.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page, type TestInfo } from '@playwright/test';
import type {
  Channel,
  ChannelOfKind,
  DistrictFeed,
  LedgerMonthFeed,
  StreetFeed,
  VillageFeed,
} from '../../src/feed/schema';
import { formatMonth } from '../../src/format/dates';
import { SECTIONS, type SectionId } from '../../src/feed/taxonomy';
import { servedEntries } from '../feedTree';

const FEED_DIR = 'static/feed';

export const readFeed = <T>(path: string): T => JSON.parse(readFileSync(`${FEED_DIR}/${path}`, 'utf8')) as T;

/** A sample village (the district's first unless named) and the files its box reads. */
export const sample = (code?: string) => {
  const district = readFeed<DistrictFeed>('district.json');
  const villageCode = code ?? district.streets[0]!.villages[0]!.code;
  const village = readFeed<VillageFeed>(`villages/${villageCode}.json`);
  return { district, street: readFeed<StreetFeed>(`streets/${village.street}.json`), village, villageCode };
};

/** Every sample village, for tests that need one showing a particular state. */
export const sampleVillages = () =>
  readFeed<DistrictFeed>('district.json').streets.flatMap((s) => s.villages.map((v) => sample(v.code)));

export const ledgerMonth = (file: string) => readFeed<LedgerMonthFeed>(file);

/** The URL pattern of a feed file as the box fetches it: by the hash the served manifest gives (a refetch past the cache adds a query). */
export const feedFileUrl = async (page: Page, path: string): Promise<string> => {
  const entry = (await servedEntries(async (url) => (await page.request.get(url)).json()))[path];
  if (!entry) throw new Error(`${path} is not in the served manifest's tree`);
  return `**/feed/objects/${entry.sha256}.json*`;
};

/** The sample village's feed for a sub-channel, if it publishes one. */
export const feedChannel = (id: number): Channel | undefined => {
  const { district, street, village } = sample();
  return [...district.channels, ...street.channels, ...village.channels].find((c) => c.id === id);
};

/** A text that only this sub-channel's own screen would show. */
/** The item a list channel shows first: the service lists the newest first, then by id. */
const listedFirst = <T extends { id: string; publishedAt: string }>(items: T[]): T =>
  [...items].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || a.id.localeCompare(b.id))[0]!;

export const firstText = (channel: Channel): string => {
  switch (channel.kind) {
    case 'articles':
    case 'qa':
    case 'alerts':
    case 'guide':
    case 'tables':
      return listedFirst<{ id: string; publishedAt: string; title: string }>(channel.content).title;
    case 'faq':
      return channel.content[0]!.items[0]!.question.slice(0, 12);
    case 'contacts':
    case 'people':
      return listedFirst<{ id: string; publishedAt: string; name: string }>(channel.content).name;
    case 'profile':
      return channel.content.title;
    case 'ledger':
      return formatMonth(channel.content.months[channel.content.months.length - 1]!.month);
  }
};

export const openTv = async (page: Page, params: Record<string, string> = {}) => {
  const query = new URLSearchParams({ inspector: '1', ...params });
  await page.goto(`/?${query.toString()}`);
};

/** How long a boot may take: a slow box, or a test machine kept busy by other work. */
export const BOOT_TIMEOUT_MS = 30_000;

export const openHome = async (page: Page, params: Record<string, string> = {}) => {
  await openTv(page, { village: sample().villageCode, ...params });
  await expect(focused(page)).toBeVisible({ timeout: BOOT_TIMEOUT_MS });
  await expect(page.locator('[ref="Tab-village"]')).toBeVisible({ timeout: BOOT_TIMEOUT_MS });
};

/** The element that has the focus now. */
export const focused = (page: Page) => page.locator('[focused="true"]').last();

/** The texts inside the focused element, in order. */
export const focusedTexts = async (page: Page): Promise<string[]> =>
  focused(page).evaluate((el) =>
    [el, ...Array.from(el.querySelectorAll('[texture-text]'))]
      .map((e) => e.getAttribute('texture-text') ?? '')
      .filter(Boolean),
  );

/** Every text visible on screen now. */
export const screenTexts = async (page: Page): Promise<string[]> =>
  page.locator('[texture-text]:visible').evaluateAll((els) => els.map((e) => e.getAttribute('texture-text') ?? ''));

/**
 * How often a wait on the screen looks again. Playwright's default backs off to once a second,
 * so a wait ended up to a second after the screen had changed; a look costs a few ms of the page.
 */
export const LOOK_AGAIN = { intervals: [50, 100, 200] };

/** Waits until some visible text contains `text`. */
export const expectText = async (page: Page, text: string | RegExp, timeout = 10_000) => {
  await expect
    .poll(
      async () => (await screenTexts(page)).some((s) => (typeof text === 'string' ? s.includes(text) : text.test(s))),
      { ...LOOK_AGAIN, timeout, message: `text on screen: ${text}` },
    )
    .toBe(true);
};

export const expectNoText = async (page: Page, text: string, timeout = 5_000) => {
  await expect
    .poll(async () => (await screenTexts(page)).some((s) => s.includes(text)), {
      ...LOOK_AGAIN,
      message: `text gone: ${text}`,
      timeout,
    })
    .toBe(false);
};

/** What the app's inspector-only probe (`window.__sanwuDebug`, src/tv/boot/probes.ts) gives the tests. */
interface Probe {
  navigating(): boolean;
  hash(): string;
  navigate(hash: string): void;
  stage: { root: unknown; transitions: { active: Set<unknown> } };
}

/** The page's context went away under a wait: the key or route reloaded the app, which is an answer too. */
const reloaded = (error: unknown) => error instanceof Error && /context was destroyed|navigat/i.test(error.message);

/**
 * Presses a key, then waits for the app's answer: the key is handled in its keydown (focus moves
 * at once), and a route it opened has finished loading, with the next frame drawn. Event-bound,
 * not a guessed pause, so it is as fast as the app on an idle machine and as slow on a loaded one.
 */
export const press = async (page: Page, key: string, times = 1) => {
  for (let i = 0; i < times; i++) {
    await page.keyboard.press(key);
    await page
      .evaluate(
        () =>
          new Promise<void>((resolve) => {
            const probe = (window as unknown as { __sanwuDebug?: Probe }).__sanwuDebug;
            // Bounded, so a route that never ends leaves the verdict to the test's next assertion.
            const until = Date.now() + 15_000;
            // Lightning draws in its own animation-frame callback, queued before ours: when ours runs, that frame is drawn.
            const frame = () =>
              requestAnimationFrame(() => (probe?.navigating() && Date.now() < until ? frame() : resolve()));
            frame();
          }),
      )
      .catch((error: unknown) => {
        if (!reloaded(error)) throw error;
      });
  }
};

/**
 * Waits until the app is at rest: no route change under way, no transition running (the focus's
 * scale-up, a pan), and no texture on screen still loading (texts, icons, photos), for two frames
 * in a row. Read from the app's own state, so what a test reads next is what stays on screen.
 */
export const settle = async (page: Page, timeout = 30_000) => {
  const token = Math.random();
  await page.waitForFunction(
    (token) => {
      type Node = {
        __active?: boolean;
        __texture?: { _source?: { isLoaded(): boolean; loadError: unknown } | null };
        __childList?: { _items?: Node[] } | null;
      };
      const w = window as unknown as { __sanwuDebug?: Probe; __calm?: { token: number; frames: number } };
      const probe = w.__sanwuDebug;
      const loading = (node: Node): boolean => {
        const source = node.__texture?._source;
        if (node.__active && source && !source.isLoaded() && !source.loadError) return true;
        return (node.__childList?._items ?? []).some(loading);
      };
      // A page without the app (a boot failure's message) has only its frames to wait for.
      const calm =
        !probe ||
        (!probe.navigating() && probe.stage.transitions.active.size === 0 && !loading(probe.stage.root as Node));
      if (w.__calm?.token !== token) w.__calm = { token, frames: 0 };
      w.__calm.frames = calm ? w.__calm.frames + 1 : 0;
      return w.__calm.frames >= 2;
    },
    token,
    { polling: 'raf', timeout },
  );
};

export const expectFocusedRef = async (page: Page, ref: string) => {
  await expect
    .poll(async () => focused(page).getAttribute('ref'), { ...LOOK_AGAIN, message: `focus on ${ref}` })
    .toBe(ref);
};

export const expectFocusedText = async (page: Page, text: string) => {
  await expect
    .poll(async () => (await focusedTexts(page)).join(' | '), { ...LOOK_AGAIN, message: `focused item shows ${text}` })
    .toContain(text);
};

/** The crumb line shown at the top of every screen below home. */
export const expectCrumbs = async (page: Page, ...parts: string[]) => {
  await expect
    .poll(async () => page.locator('[ref="Crumbs"]:visible').last().getAttribute('texture-text'), LOOK_AGAIN)
    .toContain(parts.join(' › '));
};

/** Keeps a screenshot of the screen as a test artifact, under test-results/. */
export const keepScreenshot = async (page: Page, testInfo: TestInfo, name: string) => {
  await settle(page);
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
};

const COLUMNS = 5;

/** From home with focus anywhere, the arrow presses that reach a section's tile. */
export const tileKeys = (section: SectionId, tileIndex: number): [key: string, times: number][] => [
  // Up reaches the emergency button above the tabs from the first two tile rows; Down from it is the tabs.
  ['ArrowUp', 3],
  ['ArrowDown', 1],
  ['ArrowLeft', 3],
  ['ArrowRight', SECTIONS.indexOf(section)],
  ['ArrowDown', 1],
  ['ArrowLeft', COLUMNS],
  ['ArrowDown', Math.floor(tileIndex / COLUMNS)],
  ['ArrowRight', tileIndex % COLUMNS],
];

export const goToTile = async (page: Page, section: SectionId, tileIndex: number) => {
  for (const [key, times] of tileKeys(section, tileIndex)) await press(page, key, times);
};

/** Serves settings.json with some platformSettings changed: the box's defaults for this test. */
export const withPlatformSettings = async (page: Page, patch: Record<string, unknown>) => {
  await page.route('**/settings.json', async (route) => {
    const response = await route.fetch();
    const settings = (await response.json()) as { platformSettings: Record<string, unknown> };
    settings.platformSettings = { ...settings.platformSettings, ...patch };
    await route.fulfill({ response, json: settings });
  });
};

/**
 * Replaces the speech engine's output with a recorder and gives it one zh-CN voice, as a box
 * with Chinese speech has. The app's requests are read back with `spoken(page)`.
 */
export const recordSpeech = async (page: Page) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __spoken: string[] };
    w.__spoken = [];
    const voice = { name: 'Test Mandarin', lang: 'zh-CN', default: true, localService: true, voiceURI: 'test-zh-CN' };
    class Utterance {
      voice: unknown = null;
      lang = '';
      rate = 1;
      constructor(readonly text: string) {}
    }
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
    Object.defineProperty(window, 'speechSynthesis', {
      configurable: true,
      value: {
        speak: (u: Utterance) => w.__spoken.push(u.text),
        cancel: () => undefined,
        getVoices: () => [voice],
        addEventListener: () => undefined,
      },
    });
  });
};

export const spoken = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken);

/** Waits until some speech request contains `text`. */
export const expectSpoken = async (page: Page, text: string | RegExp) => {
  await expect
    .poll(async () => (await spoken(page)).some((s) => (typeof text === 'string' ? s.includes(text) : text.test(s))), {
      ...LOOK_AGAIN,
      message: `spoken: ${text}`,
    })
    .toBe(true);
};

const routeQuery = (params: Record<string, string>) =>
  new URLSearchParams({ inspector: '1', village: sample().villageCode, ...params }).toString();

/** Home has its tabs; every other page fills its breadcrumb once its content is in. Then the app comes to rest. */
const routeShown = async (page: Page) => {
  await expect(page.locator('[ref="Tab-village"], [ref="Crumbs"][texture-text]').first()).toBeVisible({
    timeout: BOOT_TIMEOUT_MS,
  });
  await settle(page);
};

/** Opens the app straight on a route (the SDK router reads the URL's hash). */
export const openRoute = async (page: Page, hash: string, params: Record<string, string> = {}) => {
  // A fresh load each time, not only a hash change.
  await page.goto('about:blank');
  await page.goto(`/?${routeQuery(params)}#${hash}`);
  await routeShown(page);
};

/**
 * Shows a route as `openRoute` does, but in the app already running with the same URL
 * parameters: the router opens it as a key would, so a walk over many screens boots once.
 */
export const showRoute = async (page: Page, hash: string, params: Record<string, string> = {}) => {
  const running = await page
    .evaluate(() => !!(window as unknown as { __sanwuDebug?: Probe }).__sanwuDebug)
    .catch(() => false);
  if (!running || new URL(page.url()).search !== `?${routeQuery(params)}`) return openRoute(page, hash, params);
  await page.evaluate((hash) => (window as unknown as { __sanwuDebug: Probe }).__sanwuDebug.navigate(hash), hash);
  await page
    .waitForFunction(
      () => {
        const probe = (window as unknown as { __sanwuDebug: Probe }).__sanwuDebug;
        // Where it ends is the app's to say (an error page, say, as a fresh load would show).
        return !probe.navigating();
      },
      undefined,
      { timeout: 30_000 },
    )
    .catch(async (error: unknown) => {
      const at = await page
        .evaluate(() => (window as unknown as { __sanwuDebug: Probe }).__sanwuDebug.hash())
        .catch(() => '?');
      throw new Error(`the app did not finish opening #${hash} (it shows #${at}): ${String(error)}`);
    });
  await routeShown(page);
};

/**
 * Every visible text that is cut off (more lines than it may show), wider than its wrap width,
 * outside the screen or outside the panel it sits on. Measured from Lightning's own layout
 * (the inspector's element sizes and each text texture's render info), not by eye.
 */
export const textProblems = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    type Info = {
      moreTextLines?: boolean;
      lines: string[];
      lineWidths: number[];
      precision: number;
      lineHeight: number;
      height: number;
    };
    type LElement = { texture?: { source?: { renderInfo?: Info } } };
    const problems: string[] = [];
    const screen = { w: innerWidth, h: innerHeight };
    const hidden = (el: Element | null): boolean => {
      for (let e = el; e; e = e.parentElement) {
        if (e.getAttribute('visible') === 'false' || e.getAttribute('alpha') === '0') return true;
      }
      return false;
    };
    const texts = Array.from(document.querySelectorAll('[texture-text]'));
    for (const el of texts) {
      const text = el.getAttribute('texture-text') ?? '';
      if (!text || hidden(el)) continue;
      const name = `${el.getAttribute('ref')} "${text.slice(0, 30)}"`;
      const info = (el as unknown as { element?: LElement }).element?.texture?.source?.renderInfo;
      if (!info) continue;
      if (info.moreTextLines) problems.push(`${name}: cut off after ${info.lines.length} line(s)`);
      const wrap = Number(el.getAttribute('texture-word-wrap-width') ?? 0);
      const widest = Math.max(0, ...info.lineWidths) / info.precision;
      if (wrap && widest > wrap + 1) problems.push(`${name}: ${Math.round(widest)} px wide in a ${wrap} px column`);
      const box = el.getBoundingClientRect();
      if (box.width === 0) continue;
      // The ink: Lightning's text box adds half a font size of blank below the last line.
      const scale = box.height / (info.height / info.precision);
      const r = {
        left: box.left,
        right: box.right,
        top: box.top,
        bottom: box.top + (info.lines.length * info.lineHeight * scale) / info.precision,
      };
      if (r.left < -1 || r.top < -1 || r.right > screen.w + 1 || r.bottom > screen.h + 1)
        problems.push(
          `${name}: outside the screen (${Math.round(r.left)},${Math.round(r.top)})-(${Math.round(r.right)},${Math.round(r.bottom)})`,
        );
      // The panel the text sits on: the nearest ancestor drawn as a rectangle.
      let panel = el.parentElement;
      while (panel && !(panel.getAttribute('rect') === 'true' && panel.getBoundingClientRect().width > 0))
        panel = panel.parentElement;
      if (panel && panel.getAttribute('ref') !== 'Background' && !panel.getAttribute('type')?.endsWith('App')) {
        const p = panel.getBoundingClientRect();
        const slack = 2;
        if (
          r.left < p.left - slack ||
          r.right > p.right + slack ||
          r.top < p.top - slack ||
          r.bottom > p.bottom + slack
        )
          problems.push(`${name}: outside its panel ${panel.getAttribute('ref') ?? panel.getAttribute('type')}`);
      }
    }
    return problems;
  });

/**
 * What the scene shows wrong that a villager would see: two texts whose ink overlaps, a text
 * outside the safe area, and a text whose contrast with the panel under it is below 7:1
 * (4.5:1 for large text: 48 px and over, or bold and 40 px and over, at 1080p). Colours are
 * read from Lightning's elements: the text's colour, and the nearest rectangle under it
 * (composited over what is under that when it is translucent).
 */
export const sceneProblems = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    type Info = { lines: string[]; lineWidths: number[]; precision: number; lineHeight: number; height: number };
    type LElement = {
      color: number;
      texture?: { source?: { renderInfo?: Info } };
      text?: { textColor: number; fontSize: number; fontStyle: string; textAlign: string };
    };
    const problems: string[] = [];
    const scale = innerWidth / 1920;
    const safe = {
      left: 96 * scale,
      top: 54 * scale,
      right: innerWidth - 96 * scale,
      bottom: innerHeight - 54 * scale,
    };
    const hidden = (el: Element | null): boolean => {
      for (let e = el; e; e = e.parentElement)
        if (e.getAttribute('visible') === 'false' || e.getAttribute('alpha') === '0') return true;
      return false;
    };
    const lum = (argb: number) => {
      const c = [16, 8, 0]
        .map((s) => ((argb >>> s) & 255) / 255)
        .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
    };
    const over = (top: number, under: number) => {
      const a = (top >>> 24) / 255;
      const mix = (s: number) => Math.round(((top >>> s) & 255) * a + ((under >>> s) & 255) * (1 - a)) << s;
      return (0xff000000 | mix(16) | mix(8) | mix(0)) >>> 0;
    };
    const lelement = (el: Element) => (el as unknown as { element?: LElement }).element;
    /** The colour under an element: its rectangles from the nearest up, composited. */
    const groundOf = (el: Element): number => {
      const layers: number[] = [];
      for (let p = el.parentElement; p; p = p.parentElement) {
        if (p.getAttribute('rect') !== 'true' || hidden(p)) continue;
        const color = lelement(p)?.color;
        if (color === undefined) continue;
        layers.push(color >>> 0);
        if (color >>> 24 === 255) break;
      }
      let ground = 0xff000000;
      for (const layer of layers.reverse()) ground = over(layer, ground);
      return ground;
    };
    const inks: { name: string; r: { left: number; top: number; right: number; bottom: number } }[] = [];
    for (const el of Array.from(document.querySelectorAll('[texture-text]'))) {
      const text = el.getAttribute('texture-text') ?? '';
      if (!text.trim() || hidden(el)) continue;
      const name = `${el.getAttribute('ref')} "${text.slice(0, 24)}"`;
      const e = lelement(el);
      const info = e?.texture?.source?.renderInfo;
      const box = el.getBoundingClientRect();
      if (!info || box.width === 0) continue;
      const s = box.height / (info.height / info.precision);
      // The ink, not the text's box: its widest line, placed as the text is aligned.
      const inkW = (Math.max(0, ...info.lineWidths) / info.precision) * s;
      const align = e.text?.textAlign ?? 'left';
      const left =
        align === 'right' ? box.right - inkW : align === 'center' ? box.left + (box.width - inkW) / 2 : box.left;
      const r = {
        left,
        right: left + inkW,
        top: box.top,
        bottom: box.top + (info.lines.length * info.lineHeight * s) / info.precision,
      };
      inks.push({ name, r });
      // The focused item's slight scale-up may carry it past the safe area by its growth.
      const focusedBox = el.closest('[focused="true"]')?.getBoundingClientRect();
      const grow = focusedBox ? (focusedBox.width * 0.04) / 2 + 2 : 2;
      if (
        r.left < safe.left - grow ||
        r.top < safe.top - grow ||
        r.right > safe.right + grow ||
        r.bottom > safe.bottom + grow
      )
        problems.push(`${name}: outside the safe area`);
      const t = e.text;
      if (t) {
        const fg = over(t.textColor >>> 0, groundOf(el));
        const bg = groundOf(el);
        const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
        const ratio = (hi! + 0.05) / (lo! + 0.05);
        const large = t.fontSize >= 48 || (t.fontStyle.includes('bold') && t.fontSize >= 40);
        const need = large ? 4.5 : 7;
        if (ratio < need)
          problems.push(
            `${name}: contrast ${ratio.toFixed(2)}:1 < ${need}:1 (#${(t.textColor >>> 0).toString(16)} on #${bg.toString(16)})`,
          );
      }
    }
    // Texts' ink may touch but not overlap (2 px of slack for anti-aliasing).
    for (let i = 0; i < inks.length; i++)
      for (let j = i + 1; j < inks.length; j++) {
        const a = inks[i]!.r;
        const b = inks[j]!.r;
        if (
          Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2 &&
          Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2
        )
          problems.push(`${inks[i]!.name} overlaps ${inks[j]!.name}`);
      }
    return problems;
  });

/** One route per screen type, from the sample. */
export const screenRoutes = (): [name: string, hash: string][] => {
  const { village } = sample();
  const district = readFeed<DistrictFeed>('district.json');
  const ledger = village.channels.find((c) => c.id === 15) as ChannelOfKind<'ledger'>;
  const month = ledgerMonth(ledger.content.months[ledger.content.months.length - 1]!.file);
  // One with several attachments, so the receipt screen shows its 第1/N张.
  const voucher = month.vouchers.find((v) => v.receipts.length > 1) ?? month.vouchers.find((v) => v.receipts.length)!;
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
    ['help', 'help'],
    ['ask', `ask/voucher/${month.month}/${voucher.id}`],
  ];
};
