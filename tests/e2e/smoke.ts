/**
 * The smoke walk every engine must pass: home, the four sections, one sub-channel of each
 * content kind, a receipt, and Back out to the leave question. It is written against a bare
 * remote-and-screen interface so that Playwright (Chromium) and WebDriver (WPE) both run it.
 */
import { expect } from '@playwright/test';
import { CHANNELS, CONTENT_KINDS, SECTIONS } from '../../src/feed/taxonomy';
import { formatMonth } from '../../src/format/dates';
import { formatFen } from '../../src/format/money';
import zhHans from '../../src/i18n/zh-Hans.json' with { type: 'json' };
import { feedChannel, firstText, ledgerMonth, sample, tileKeys } from './tv';

export interface Tv {
  /** Presses one remote key. */
  press(key: string): Promise<void>;
  /** Runs a function body in the page and returns its result. */
  run<T>(script: string): Promise<T>;
}

export interface Screen {
  texts: string[];
  focused: string | null;
  bundle: string | null;
  renderer: string | null;
  /** The texture-src of every visible element that shows an image. */
  images: string[];
}

// Plain ES5: it also runs in the engines under test. Reads the inspector's DOM mirror.
const READ_SCREEN = `
  var shown = function (el) { var r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; };
  var texts = [], images = [], i;
  var withText = document.querySelectorAll('[texture-text]');
  for (i = 0; i < withText.length; i++) if (shown(withText[i])) texts.push(withText[i].getAttribute('texture-text'));
  var withImage = document.querySelectorAll('[texture-src]');
  for (i = 0; i < withImage.length; i++) if (shown(withImage[i])) images.push(withImage[i].getAttribute('texture-src'));
  var focused = document.querySelectorAll('[focused="true"]');
  var root = document.documentElement;
  return { texts: texts, images: images, focused: focused.length ? focused[focused.length - 1].getAttribute('ref') : null,
    bundle: root.getAttribute('data-bundle'), renderer: root.getAttribute('data-renderer') };`;

export const readScreen = (tv: Tv) => tv.run<Screen>(READ_SCREEN);

const until = async (tv: Tv, what: string, ok: (screen: Screen) => boolean, timeout = 15_000) => {
  await expect
    .poll(async () => ok(await readScreen(tv)), { message: what, timeout, intervals: [50, 100, 200] })
    .toBe(true);
};

const showsText = (tv: Tv, text: string) =>
  until(tv, `text on screen: ${text}`, (s) => s.texts.some((t) => t.includes(text)));
const focusOn = (tv: Tv, ref: string) => until(tv, `focus on ${ref}`, (s) => s.focused === ref);

const press = async (tv: Tv, key: string, times = 1) => {
  for (let i = 0; i < times; i++) {
    await tv.press(key);
    await new Promise((resolve) => setTimeout(resolve, 60));
  }
};

const openTile = async (tv: Tv, id: number) => {
  const spec = CHANNELS.find((c) => c.id === id)!;
  const index = CHANNELS.filter((c) => c.section === spec.section).indexOf(spec);
  for (const [key, times] of tileKeys(spec.section, index)) await press(tv, key, times);
  await focusOn(tv, `Channel-${id}`);
  await press(tv, 'Enter');
};

/**
 * Waits for home, then walks; returns the milliseconds home took to show, from navigation start.
 * `shot`, if given, is called at home, the ledger month, the voucher and the receipt (screenshots).
 */
export const smokeWalk = async (
  tv: Tv,
  shot: (name: string) => Promise<void> = async () => undefined,
): Promise<{ homeMs: number }> => {
  const { village } = sample();
  await focusOn(tv, 'Channel-11');
  await showsText(tv, village.region.name);
  const homeMs = await tv.run<number>('return performance.now()');
  await shot('home');

  for (const section of SECTIONS) {
    const first = CHANNELS.find((c) => c.section === section)!;
    for (const [key, times] of tileKeys(section, 0)) await press(tv, key, times);
    await focusOn(tv, `Channel-${first.id}`);
    await showsText(tv, zhHans[`channel.${first.id}` as keyof typeof zhHans]);
  }

  for (const kind of CONTENT_KINDS) {
    const spec = CHANNELS.find((c) => c.kind === kind)!;
    await openTile(tv, spec.id);
    const channel = feedChannel(spec.id);
    await showsText(tv, channel ? firstText(channel) : zhHans['household.unbound.title']);
    await press(tv, 'Backspace');
    await focusOn(tv, `Channel-${spec.id}`);
  }

  // The newest month, its first voucher, that voucher's first receipt.
  const ledger = feedChannel(15);
  if (ledger?.kind !== 'ledger') throw new Error('the sample village has no ledger');
  const newest = ledger.content.months[ledger.content.months.length - 1]!;
  const month = ledgerMonth(newest.file);
  const voucher = month.vouchers[0]!;
  await openTile(tv, 15);
  await showsText(tv, formatMonth(newest.month));
  await press(tv, 'Enter');
  await showsText(tv, formatFen(month.closingFen));
  await shot('ledger-month');
  await press(tv, 'Enter');
  await showsText(tv, voucher.number);
  await shot('voucher');
  await press(tv, 'Enter');
  await showsText(tv, '100%');
  await until(tv, `receipt ${voucher.receipts[0]!.src} shown`, (s) =>
    s.images.some((src) => src.endsWith(voucher.receipts[0]!.src)),
  );
  await shot('receipt');

  await press(tv, 'Backspace');
  await showsText(tv, voucher.number);
  // The router destroys the page left (lazyDestroy) and collects its textures (gcOnUnload).
  const receiptElements = `return document.querySelectorAll('[texture-src$="${voucher.receipts[0]!.src}"]').length`;
  await expect.poll(() => tv.run<number>(receiptElements), { message: 'the receipt page is gone' }).toBe(0);
  await press(tv, 'Backspace', 3);
  await focusOn(tv, 'Channel-15');
  await press(tv, 'Backspace');
  await showsText(tv, zhHans['exit.title']);
  return { homeMs };
};
