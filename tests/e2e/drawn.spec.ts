/**
 * What the renderer does, on every screen type: the app draws with the renderer the project
 * expects (e2e-webgl: WebGL; e2e, without WebGL: the probe falls back to canvas2d), with no error, and every
 * text and image the scene shows is there in the pixels, not only in the scene. The scene itself
 * (layout, focus, contrast) is the same whichever renderer draws it: the other specs check it once.
 */
import { test, expect, type Page } from '@playwright/test';
import sharp from 'sharp';
import { screenRoutes, showRoute } from './tv';

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

type Marked = Element & { element?: { visible: boolean } };

/**
 * Every visible text and image of the scene, with its box on screen (clipped to the screen),
 * remembered in the page so that `showThings` can take them off the screen and back.
 */
const shownThings = (page: Page): Promise<{ what: string; box: Box }[]> =>
  page.evaluate(() => {
    const hidden = (el: Element | null): boolean => {
      for (let e = el; e; e = e.parentElement)
        if (e.getAttribute('visible') === 'false' || e.getAttribute('alpha') === '0') return true;
      return false;
    };
    const w = window as unknown as { __drawnThings: Marked[] };
    w.__drawnThings = [];
    return Array.from(document.querySelectorAll('[texture-text], [texture-src]')).flatMap((el) => {
      const text = el.getAttribute('texture-text');
      const what = text !== null ? `text "${text.slice(0, 24)}"` : `image ${el.getAttribute('texture-src')}`;
      if ((text !== null && text.trim().length < 2) || hidden(el)) return [];
      const r = el.getBoundingClientRect();
      const left = Math.max(0, Math.floor(r.left));
      const top = Math.max(0, Math.floor(r.top));
      const width = Math.min(innerWidth, Math.ceil(r.right)) - left;
      const height = Math.min(innerHeight, Math.ceil(r.bottom)) - top;
      if (width < 12 || height < 12) return [];
      w.__drawnThings.push(el as Marked);
      return [{ what, box: { left, top, width, height } }];
    });
  });

/** Shows or hides, in the scene, what `shownThings` found; then lets two frames be drawn. */
const showThings = (page: Page, visible: boolean) =>
  page.evaluate(
    (visible) =>
      new Promise<void>((resolve) => {
        for (const el of (window as unknown as { __drawnThings: Marked[] }).__drawnThings)
          if (el.element) el.element.visible = visible;
        requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
      }),
    visible,
  );

const pixels = async (png: Buffer) => sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });

/** How many pixels of a box differ (by more than anti-aliasing noise) between two screenshots. */
const changedPixels = (a: Awaited<ReturnType<typeof pixels>>, b: Awaited<ReturnType<typeof pixels>>, box: Box) => {
  const { width, channels } = a.info;
  let changed = 0;
  for (let y = box.top; y < box.top + box.height; y++)
    for (let x = box.left; x < box.left + box.width; x++) {
      const i = (y * width + x) * channels;
      if (
        Math.max(
          Math.abs(a.data[i]! - b.data[i]!),
          Math.abs(a.data[i + 1]! - b.data[i + 1]!),
          Math.abs(a.data[i + 2]! - b.data[i + 2]!),
        ) > 32
      )
        changed++;
    }
  return changed;
};

test('every screen type is drawn by the expected renderer: no error, and each text and image shows in the pixels', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // An unbound box looks for its private index, which is not there (404) until a clerk binds it.
    if (message.type() === 'error' && !message.location().url.includes('/feed/private/')) errors.push(message.text());
  });
  const blank: string[] = [];
  for (const [name, hash] of screenRoutes()) {
    await showRoute(page, hash, name === 'picker' ? { village: '' } : {});
    await expect(page.locator('html')).toHaveAttribute(
      'data-renderer',
      testInfo.project.name === 'e2e-webgl' ? 'webgl' : 'canvas2d',
    );
    const things = await shownThings(page);
    expect(things.length, `${name} shows texts`).toBeGreaterThan(0);
    // Drawn means in the pixels: the screen with the texts and images differs from the screen without them, under each one.
    const shown = await pixels(await page.screenshot());
    await showThings(page, false);
    const without = await pixels(await page.screenshot());
    await showThings(page, true);
    for (const { what, box } of things)
      if (changedPixels(shown, without, box) < 10) blank.push(`${name}: ${what} is not drawn`);
  }
  expect(blank).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});
