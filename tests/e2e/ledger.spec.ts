/** The money trail: months → totals and entries → a voucher → its scanned receipt, and back. */
import { test, expect } from '@playwright/test';
import type { LedgerMonthFeed } from '../../src/feed/schema';
import { formatMonth, formatDate } from '../../src/format/dates';
import { amountInWords, formatFen } from '../../src/format/money';
import zhHans from '../../src/i18n/zh-Hans.json' with { type: 'json' };
import {
  expectCrumbs,
  expectFocusedRef,
  expectFocusedText,
  expectText,
  feedFileUrl,
  keepScreenshot,
  ledgerMonth,
  openHome,
  openRoute,
  press,
  sample,
  sampleVillages,
} from './tv';

const ledger = (villageCode?: string) => {
  const channel = sample(villageCode).village.channels.find((c) => c.id === 15);
  if (channel?.kind !== 'ledger') throw new Error('the sample village has no ledger');
  // The app lists the newest month first.
  return [...channel.content.months].reverse();
};

const openLedger = async (page: import('@playwright/test').Page, villageCode?: string) => {
  await openHome(page, villageCode ? { village: villageCode } : {});
  await press(page, 'ArrowRight', 4);
  await expectFocusedRef(page, 'Channel-15');
  await press(page, 'Enter');
  await expectCrumbs(page, zhHans['section.village'], zhHans['channel.15']);
};

test('from home to a receipt image and Back to the same focused tile', async ({ page }, testInfo) => {
  await openLedger(page);
  const months = ledger();
  expect(months.length).toBeGreaterThanOrEqual(12);
  await keepScreenshot(page, testInfo, 'ledger-months');

  // The second-newest month, its third entry.
  await press(page, 'ArrowDown');
  const ref = months[1]!;
  await expectFocusedText(page, formatMonth(ref.month));
  await expectFocusedText(page, formatFen(ref.closingFen));
  await press(page, 'Enter');
  const month: LedgerMonthFeed = ledgerMonth(ref.file);
  await expectText(page, formatFen(month.incomeFen));
  await expectText(page, formatFen(month.expenseFen));
  await expectText(page, formatFen(month.openingFen));
  await expectText(page, formatFen(month.closingFen));
  await keepScreenshot(page, testInfo, 'ledger-month');

  await press(page, 'ArrowDown', 2);
  const voucher = month.vouchers[2]!;
  await expectFocusedText(page, voucher.summary);
  await expectFocusedText(page, formatFen(voucher.amountFen));
  await press(page, 'Enter');
  // Every field of the voucher is on screen.
  for (const value of [
    voucher.number,
    formatDate(voucher.date),
    voucher.summary,
    voucher.account.name,
    voucher.handler,
    voucher.witness,
    voucher.approver,
    voucher.bookkeeper,
    voucher.review.reviewer,
    voucher.review.opinion,
    formatFen(voucher.amountFen),
    amountInWords(voucher.amountFen),
  ]) {
    await expectText(page, value);
  }
  await expectText(page, `${voucher.attachmentCount} 张`);
  await keepScreenshot(page, testInfo, 'voucher');

  await press(page, 'Enter');
  const image = page.locator('[ref="View"] [ref="Image"]');
  await expect(image).toHaveAttribute('texture-src', new RegExp(`${voucher.receipts[0]!.src}$`));
  await expectText(page, `${zhHans[`ledger.direction.${voucher.direction}`]} ${formatFen(voucher.amountFen)}`);
  await expectText(page, '100%');
  await keepScreenshot(page, testInfo, 'receipt');
  // Zoom and pan with the keys; the zoom level is shown.
  await press(page, 'Enter');
  await expectText(page, '150%');
  await press(page, 'ArrowRight', 2);
  await press(page, 'PageUp');
  await expectText(page, '200%');
  await press(page, 'PageDown', 2);
  await expectText(page, '100%');
  await keepScreenshot(page, testInfo, 'receipt-zoomed-out');

  await press(page, 'Backspace');
  await expectText(page, voucher.approver);
  await press(page, 'Backspace');
  await expectFocusedText(page, voucher.summary);
  await press(page, 'Backspace');
  await expectFocusedText(page, formatMonth(ref.month));
  await press(page, 'Backspace');
  await expectFocusedRef(page, 'Channel-15');
});

test('keys pressed while a month loads reach the month, in order', async ({ page }) => {
  const ref = ledger()[0]!;
  const month = ledgerMonth(ref.file);
  // A slow network: the month file arrives only once the keys are pressed (held from the
  // start, so the list's drawing ahead cannot fetch it before the route is in place).
  let arrive!: () => void;
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  await page.route(await feedFileUrl(page, ref.file), async (route) => {
    await arrived;
    await route.continue();
  });
  await openLedger(page);
  await page.keyboard.press('Enter');
  await expectText(page, zhHans['state.loading']);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  arrive();
  const voucher = month.vouchers[3]!;
  await expectText(page, zhHans['voucher.title'].replace('{number}', voucher.number));
  await expectText(page, formatFen(voucher.amountFen));
});

for (const [state, hasVouchers] of [
  ['no entries at all', false],
  ['income but no spending', true],
] as const) {
  test(`a month with ${state} says so in words`, async ({ page }) => {
    const found = sampleVillages()
      .map(({ villageCode }) => ({ villageCode, months: ledger(villageCode) }))
      .map(({ villageCode, months }) => ({
        villageCode,
        index: months.findIndex((m) => m.expenseFen === 0 && m.voucherCount > 0 === hasVouchers),
      }))
      .find(({ index }) => index >= 0);
    expect(found, `the sample has a month with ${state}`).toBeDefined();
    await openLedger(page, found!.villageCode);
    await press(page, 'ArrowDown', found!.index);
    await press(page, 'Enter');
    await expectText(page, hasVouchers ? zhHans['ledger.noExpense'] : zhHans['ledger.noVouchers']);
  });
}

test('a long ledger list pages with channel up/down and keeps the focused entry on screen', async ({ page }) => {
  await openLedger(page);
  const ref = ledger()[0]!;
  const month = ledgerMonth(ref.file);
  expect(month.vouchers.length).toBeGreaterThan(10);
  await press(page, 'Enter');
  await expectText(page, formatFen(month.closingFen));
  // A page of the month holds four entries at 1080p, above the two-line hint bar.
  await press(page, 'PageDown');
  await expectFocusedText(page, month.vouchers[4]!.summary);
  await press(page, 'PageDown', 200);
  const last = month.vouchers[month.vouchers.length - 1]!;
  await expectFocusedText(page, formatFen(last.amountFen));
  await expectText(page, `${month.vouchers.length} / ${month.vouchers.length}`);
  const box = await page.locator('[focused="true"]').last().boundingBox();
  expect(box!.y + box!.height).toBeLessThanOrEqual(1080 - 96);
});

/** From now on, counts the texts the box draws (from zero again if called again). */
const countDrawing = (page: import('@playwright/test').Page) =>
  page.evaluate(() => {
    type Platform = { getDrawingCanvas(): unknown };
    const w = window as unknown as { __sanwuDebug: { stage: { platform: Platform } }; __textsDrawn?: number };
    const counting = w.__textsDrawn !== undefined;
    w.__textsDrawn = 0;
    if (counting) return;
    const platform = w.__sanwuDebug.stage.platform;
    const draw = platform.getDrawingCanvas.bind(platform);
    platform.getDrawingCanvas = () => (w.__textsDrawn!++, draw());
  });
const textsDrawn = (page: import('@playwright/test').Page) =>
  page.evaluate(() => (window as unknown as { __textsDrawn: number }).__textsDrawn);

/**
 * Presses `key` (`times` times) and returns what the box drew for it: the textures on screen
 * two frames after the page change it makes (if `opens`) that were not ready before the press. What the new
 * screen draws ahead for the next one is off screen, so it is not counted, however slow the
 * frames are.
 */
const drawnFor = async (page: import('@playwright/test').Page, key: string, opens: boolean, times = 1) => {
  type Source = { isLoaded(): boolean; nativeTexture: unknown };
  type Stage = { root: unknown; textureManager: { textureSourceHashmap: Map<string, Source> } };
  type Debug = { stage: Stage; hash(): string; navigating(): boolean };
  const before = await page.evaluate(() => {
    const w = window as unknown as { __sanwuDebug: Debug; __ready: WeakMap<Source, unknown> };
    // Each loaded texture, with the GPU texture it has now: drawn again means a new one.
    w.__ready = new WeakMap();
    for (const source of w.__sanwuDebug.stage.textureManager.textureSourceHashmap.values())
      if (source.isLoaded()) w.__ready.set(source, source.nativeTexture);
    return w.__sanwuDebug.hash();
  });
  // Several presses go back to back, well inside the rest that would draw ahead between them.
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
  return page.evaluate(
    async ({ before, opens }) => {
      type Texture = { _source: Source | null; text?: unknown; src?: unknown };
      type Element = { _isActive(): boolean; texture: Texture | null; __childList?: { _items?: Element[] } | null };
      const w = window as unknown as { __sanwuDebug: Debug; __ready: WeakMap<Source, unknown> };
      const frame = () => new Promise(requestAnimationFrame);
      const settled = () => !w.__sanwuDebug.navigating() && (!opens || w.__sanwuDebug.hash() !== before);
      for (let i = 0; i < 600 && !settled(); i++) await frame();
      await frame();
      await frame();
      const drawn = { texts: 0, images: 0 };
      const stack = [w.__sanwuDebug.stage.root as Element];
      while (stack.length) {
        const element = stack.pop()!;
        const source = element.texture?._source;
        if (
          element._isActive() &&
          source &&
          !(w.__ready.has(source) && w.__ready.get(source) === source.nativeTexture)
        ) {
          if (typeof element.texture!.text === 'string') drawn.texts++;
          else if (typeof element.texture!.src === 'string') drawn.images++;
        }
        stack.push(...(element.__childList?._items ?? []));
      }
      return drawn;
    },
    { before, opens },
  );
};

/** From now on the feed does not change under the page: a poll cannot redraw it mid-count. */
const holdFeedStill = (page: import('@playwright/test').Page) =>
  page.route('**/feed/manifest.json', (route) => route.fulfill({ status: 304 }));

/** Waits until half a second passes with no text drawn: the page is up and what it draws ahead is drawn. */
const untilDrawingStops = async (page: import('@playwright/test').Page) => {
  await expect
    .poll(
      async () => {
        await countDrawing(page);
        await page.waitForTimeout(500);
        return textsDrawn(page);
      },
      { message: 'drawing stops', timeout: 10_000 },
    )
    .toBe(0);
};

test('resting on an entry draws its voucher ahead, so OK shows it without drawing; the receipt likewise', async ({
  page,
}) => {
  await openLedger(page);
  await holdFeedStill(page);
  const ref = ledger()[0]!;
  const month = ledgerMonth(ref.file);
  const withReceipt = month.vouchers.findIndex((v, i) => i > 0 && v.receipts.length > 0);
  await press(page, 'Enter');
  await expectText(page, formatFen(month.closingFen));
  await press(page, 'ArrowDown', withReceipt);
  const voucher = month.vouchers[withReceipt]!;
  await expectFocusedText(page, voucher.summary);
  // The viewer reads the entry before pressing OK.
  await untilDrawingStops(page);
  expect(await drawnFor(page, 'Enter', true)).toEqual({ texts: 0, images: 0 });
  await expectText(page, voucher.approver);
  await expectText(page, amountInWords(voucher.amountFen));

  await untilDrawingStops(page);
  expect(await drawnFor(page, 'Enter', true)).toEqual({ texts: 0, images: 0 });
  await expect(page.locator('[ref="View"] [ref="Image"]')).toHaveAttribute(
    'texture-src',
    new RegExp(`${voucher.receipts[0]!.src}$`),
  );
  await expectText(page, '100%');

  // ↓ then OK at once, with no rest: the next voucher's texts are drawn on the OK press. The two
  // keys go back to back (a check between them could outlast the rest on a loaded machine).
  await press(page, 'Backspace', 2);
  await expectFocusedText(page, voucher.summary);
  const next = month.vouchers[withReceipt + 1]!;
  await page.evaluate(() => {
    const w = window as unknown as { __drawnAfterOk: string[] | null };
    w.__drawnAfterOk = null;
    addEventListener(
      'keydown',
      (event) => void (event.key === 'Enter' && !w.__drawnAfterOk && (w.__drawnAfterOk = [])),
      { capture: true },
    );
    const fill = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (text: string, x: number, y: number) {
      w.__drawnAfterOk?.push(text);
      fill.call(this, text, x, y);
    };
  });
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  // Its amount in words: shown by no other screen, and not by the voucher opened before.
  const inWords = amountInWords(next.amountFen);
  expect(inWords).not.toBe(amountInWords(voucher.amountFen));
  await expectText(page, inWords);
  const drawnAfterOk = await page.evaluate(() => (window as unknown as { __drawnAfterOk: string[] }).__drawnAfterOk);
  expect(drawnAfterOk.some((text) => text.includes(inWords))).toBe(true);
});

test('resting in a long list draws the rows channel − brings and the positions ahead, so ↓ and the page turn draw nothing', async ({
  page,
}) => {
  await openLedger(page);
  await holdFeedStill(page);
  const month = ledgerMonth(ledger()[0]!.file);
  await press(page, 'Enter');
  await expectText(page, formatFen(month.closingFen));
  await untilDrawingStops(page);
  expect(await drawnFor(page, 'ArrowDown', false)).toEqual({ texts: 0, images: 0 });
  await expectText(page, `2 / ${month.vouchers.length}`);
  await untilDrawingStops(page);
  const afterRest = await drawnFor(page, 'PageDown', false);
  expect(afterRest.texts).toBe(0);
  await untilDrawingStops(page);
  // Two page turns back to back: the first was drawn ahead, the rows the second brings are
  // drawn on its press (checking between the two could outlast the rest on a loaded machine).
  const atOnce = await drawnFor(page, 'PageDown', false, 2);
  expect(atOnce.texts).toBeGreaterThan(5);
  // From the second entry, three page turns of four entries each.
  await expectFocusedText(page, month.vouchers[13]!.summary);
  await expectText(page, `14 / ${month.vouchers.length}`);
});

test('Back shows the page behind without drawing it again, and frees what the page left drew', async ({ page }) => {
  await openLedger(page);
  await holdFeedStill(page);
  const month = ledgerMonth(ledger()[0]!.file);
  const withReceipt = month.vouchers.findIndex((v) => v.receipts.length > 0);
  const voucher = month.vouchers[withReceipt]!;
  await press(page, 'Enter');
  await expectText(page, formatFen(month.closingFen));
  await press(page, 'ArrowDown', withReceipt);
  await expectFocusedText(page, voucher.summary);
  await press(page, 'Enter');
  await expectText(page, voucher.approver);
  await press(page, 'Enter');
  await expectText(page, '100%');
  await untilDrawingStops(page);
  expect(await drawnFor(page, 'Backspace', true)).toEqual({ texts: 0, images: 0 });
  await expectText(page, voucher.approver);
  await untilDrawingStops(page);
  expect(await drawnFor(page, 'Backspace', true)).toEqual({ texts: 0, images: 0 });
  await expectFocusedText(page, voucher.summary);
  // The scan (the biggest texture of all) is freed once no page shows it, is behind, or is next.
  const scanLoaded = (src: string) =>
    page.evaluate((src) => {
      type Source = { lookupId: string; isLoaded(): boolean };
      const stage = (
        window as unknown as {
          __sanwuDebug: { stage: { textureManager: { textureSourceHashmap: Map<string, Source> } } };
        }
      ).__sanwuDebug.stage;
      return [...stage.textureManager.textureSourceHashmap.values()].some(
        (source) => String(source.lookupId).endsWith(src) && source.isLoaded(),
      );
    }, src);
  await expect.poll(() => scanLoaded(voucher.receipts[0]!.src), { message: 'the receipt scan is freed' }).toBe(false);
  await untilDrawingStops(page);
  expect(await drawnFor(page, 'Backspace', true)).toEqual({ texts: 0, images: 0 });
  await expectFocusedText(page, formatMonth(ledger()[0]!.month));
});

test('a voucher with 3 attachments shows 3 images: its receipt pages through them with ←/→, 第1/3张 to 第3/3张', async ({
  page,
}, testInfo) => {
  const { villageCode } = sample();
  const found = ledger(villageCode)
    .map((ref) => ledgerMonth(ref.file))
    .flatMap((m) => m.vouchers.map((v) => ({ month: m.month, v })))
    .find(({ v }) => v.receipts.length === 3);
  expect(found, 'the sample village has a voucher with three attachments').toBeDefined();
  const { month, v: voucher } = found!;
  await openRoute(page, `voucher/${month}/${voucher.id}`);
  // The count on the voucher is the number of images OK opens.
  expect(voucher.attachmentCount).toBe(voucher.receipts.length);
  await expectText(page, `${voucher.attachmentCount} 张`);
  await expectText(page, `查看票据原件（${voucher.receipts.length} 张）`);
  await press(page, 'Enter');
  const image = page.locator('[ref="View"] [ref="Image"]');
  const shown: string[] = [];
  for (const [i, receipt] of voucher.receipts.entries()) {
    await expect(image).toHaveAttribute('texture-src', new RegExp(`${receipt.src}$`));
    await expectText(page, `第${i + 1}/3张 · ${receipt.kind}`);
    shown.push((await image.getAttribute('texture-src'))!);
    if (i === 1) await keepScreenshot(page, testInfo, 'receipt-second-sheet');
    await press(page, 'ArrowRight');
  }
  // Three different images; past the last, → stays on it.
  expect(new Set(shown).size).toBe(3);
  await expectText(page, '第3/3张');
  await press(page, 'ArrowLeft', 2);
  await expectText(page, '第1/3张');
  // Zoomed in, ← and → pan the sheet instead of changing it.
  await press(page, 'Enter');
  await expectText(page, '150%');
  await press(page, 'ArrowRight');
  await expectText(page, '第1/3张');
  await expect(image).toHaveAttribute('texture-src', new RegExp(`${voucher.receipts[0]!.src}$`));
});
