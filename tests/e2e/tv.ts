/**
 * Drives the TV app like a villager: key presses only, and reads the screen through
 * Lightning's inspector (?inspector=1), which mirrors texts and focus into the DOM.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page, type TestInfo } from '@playwright/test';
import type { Channel, DistrictFeed, LedgerMonthFeed, StreetFeed, VillageFeed } from '../../src/feed/schema';
import { formatMonth } from '../../src/format/dates';

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
export const sampleVillages = () => readFeed<DistrictFeed>('district.json').streets.flatMap((s) => s.villages.map((v) => sample(v.code)));

export const ledgerMonth = (file: string) => readFeed<LedgerMonthFeed>(file);

/** The URL pattern of a feed file as the box fetches it: by the hash the served manifest gives. */
export const feedFileUrl = async (page: Page, path: string): Promise<string> => {
  const manifest = (await (await page.request.get('/feed/manifest.json')).json()) as { files: Record<string, { sha256: string }> };
  const entry = manifest.files[path];
  if (!entry) throw new Error(`${path} is not in the served manifest`);
  return `**/feed/objects/${entry.sha256}.json`;
};

/** The sample village's feed for a sub-channel, if it publishes one. */
export const feedChannel = (id: number): Channel | undefined => {
  const { district, street, village } = sample();
  return [...district.channels, ...street.channels, ...village.channels].find((c) => c.id === id);
};

/** A text that only this sub-channel's own screen would show. */
export const firstText = (channel: Channel): string => {
  switch (channel.kind) {
    case 'articles':
      return channel.content[0]!.title;
    case 'faq':
      return channel.content[0]!.items[0]!.question.slice(0, 12);
    case 'qa':
      return channel.content[0]!.title;
    case 'alerts':
      return channel.content[0]!.title;
    case 'guide':
      return channel.content[0]!.title;
    case 'tables':
      return channel.content[0]!.title;
    case 'contacts':
      return channel.content[0]!.name;
    case 'people':
      return channel.content[0]!.name;
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

export const openHome = async (page: Page, params: Record<string, string> = {}) => {
  await openTv(page, { village: sample().villageCode, ...params });
  await expect(focused(page)).toBeVisible();
  await expect(page.locator('[ref="Tab-village"]')).toBeVisible();
};

/** The element that has the focus now. */
export const focused = (page: Page) => page.locator('[focused="true"]').last();

/** The texts inside the focused element, in order. */
export const focusedTexts = async (page: Page): Promise<string[]> =>
  focused(page).evaluate((el) => [el, ...Array.from(el.querySelectorAll('[texture-text]'))].map((e) => e.getAttribute('texture-text') ?? '').filter(Boolean));

/** Every text visible on screen now. */
export const screenTexts = async (page: Page): Promise<string[]> =>
  page.locator('[texture-text]:visible').evaluateAll((els) => els.map((e) => e.getAttribute('texture-text') ?? ''));

/** Waits until some visible text contains `text`. */
export const expectText = async (page: Page, text: string | RegExp, timeout = 10_000) => {
  await expect
    .poll(async () => (await screenTexts(page)).some((s) => (typeof text === 'string' ? s.includes(text) : text.test(s))), { timeout, message: `text on screen: ${text}` })
    .toBe(true);
};

export const expectNoText = async (page: Page, text: string) => {
  await expect.poll(async () => (await screenTexts(page)).some((s) => s.includes(text)), { message: `text gone: ${text}` }).toBe(false);
};

/** Presses a key and lets the app settle a frame or two. */
export const press = async (page: Page, key: string, times = 1) => {
  for (let i = 0; i < times; i++) {
    await page.keyboard.press(key);
    await page.waitForTimeout(60);
  }
};

export const expectFocusedRef = async (page: Page, ref: string) => {
  await expect.poll(async () => focused(page).getAttribute('ref'), { message: `focus on ${ref}` }).toBe(ref);
};

export const expectFocusedText = async (page: Page, text: string) => {
  await expect.poll(async () => (await focusedTexts(page)).join(' | '), { message: `focused item shows ${text}` }).toContain(text);
};

/** The crumb line shown at the top of every screen below home. */
export const expectCrumbs = async (page: Page, ...parts: string[]) => {
  await expect.poll(async () => page.locator('[ref="Crumbs"]:visible').last().getAttribute('texture-text')).toContain(parts.join(' › '));
};

/** Keeps a screenshot of the screen as a test artifact, under test-results/. */
export const keepScreenshot = async (page: Page, testInfo: TestInfo, name: string) => {
  await page.waitForTimeout(300);
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
};

const SECTION_ORDER = ['district', 'street', 'village', 'household'] as const;
const COLUMNS = 5;

/** From home with focus anywhere, the arrow presses that reach a section's tile. */
export const tileKeys = (section: (typeof SECTION_ORDER)[number], tileIndex: number): [key: string, times: number][] => [
  // Up reaches the tabs from any tile row.
  ['ArrowUp', 3],
  ['ArrowLeft', 3],
  ['ArrowRight', SECTION_ORDER.indexOf(section)],
  ['ArrowDown', 1],
  ['ArrowLeft', COLUMNS],
  ['ArrowDown', Math.floor(tileIndex / COLUMNS)],
  ['ArrowRight', tileIndex % COLUMNS],
];

export const goToTile = async (page: Page, section: (typeof SECTION_ORDER)[number], tileIndex: number) => {
  for (const [key, times] of tileKeys(section, tileIndex)) await press(page, key, times);
};
