/**
 * The engine paths in Chromium: the legacy bundle walks every kind of screen, the renderer is
 * the one the project expects (e2e-webgl: WebGL; e2e runs with --disable-webgl and the app's
 * probe must fall back), and a lost WebGL context reloads into canvas2d, not black.
 */
import { test, expect, type Page } from '@playwright/test';
import { FONT } from '../../src/tv/theme';
import { readScreen, smokeWalk, type Tv } from './smoke';
import { expectText, feedChannel, firstText, keepScreenshot, openHome, openTv, press, sample } from './tv';

const tvOf = (page: Page): Tv => ({
  press: (key) => page.keyboard.press(key),
  run: (script) => page.evaluate(`(function () { ${script} })()`),
});

const expectedRenderer = (project: string) => (project === 'e2e-webgl' ? 'webgl' : 'canvas2d');

// The modern bundle walks every screen in the other specs.
test('smoke walk with the legacy bundle', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name === 'e2e-webgl', 'e2e-wpe walks the legacy bundle on WebGL');
  // Some thirty screens by key in the slower bundle: room for a loaded machine (it ran out at 60 s once).
  test.setTimeout(150_000);
  await openTv(page, { village: sample().villageCode, bundle: 'legacy' });
  await smokeWalk(tvOf(page));
  const screen = await readScreen(tvOf(page));
  expect(screen.bundle).toBe('legacy');
  expect(screen.renderer).toBe(expectedRenderer(testInfo.project.name));
});

test('the loader picks the modern bundle in a current engine', async ({ page }) => {
  await openHome(page);
  expect((await readScreen(tvOf(page))).bundle).toBe('modern');
});

test('the renderer probe hands its WebGL context to Lightning: one context at boot, the one on screen', async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'e2e-webgl', 'needs WebGL');
  await page.addInitScript(() => {
    const made: HTMLCanvasElement[] = [];
    (window as unknown as { __webglCanvases: HTMLCanvasElement[] }).__webglCanvases = made;
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, id: string, ...rest: unknown[]) {
      if (/webgl/.test(id) && !made.includes(this)) made.push(this);
      return (getContext as (id: string, ...rest: unknown[]) => RenderingContext | null).call(this, id, ...rest);
    } as typeof getContext;
  });
  await openHome(page);
  const canvases = await page.evaluate(() => {
    const made = (window as unknown as { __webglCanvases: HTMLCanvasElement[] }).__webglCanvases;
    return { count: made.length, onScreen: made[0] === document.querySelector('canvas') };
  });
  expect(canvases).toEqual({ count: 1, onScreen: true });
});

test('a lost WebGL context reloads into canvas2d on the same screen', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'e2e-webgl', 'needs a WebGL context to lose');
  await openHome(page);
  await press(page, 'ArrowRight');
  await press(page, 'Enter');
  const people = firstText(feedChannel(12)!);
  await expectText(page, people);
  const lost = await page.evaluate(() => {
    const gl = document.querySelector('canvas')!.getContext('webgl') as WebGLRenderingContext | null;
    const lose = gl?.getExtension('WEBGL_lose_context');
    lose?.loseContext();
    return Boolean(lose);
  });
  expect(lost).toBe(true);
  await page.waitForURL(/renderer=canvas2d/);
  // Locators, unlike evaluate, ride out the reload's context switch.
  await expect(page.locator('html')).toHaveAttribute('data-renderer', 'canvas2d');
  await expect(page.locator(`[texture-text*="${people}"]`).first()).toBeVisible();
  // The reload starts a new history: Back leads home, in the app, still on canvas2d.
  await press(page, 'Backspace');
  await expectText(page, sample().village.region.name);
  await expect(page.locator('[ref="Tab-village"]')).toBeVisible();
  await expect(page).toHaveURL(/renderer=canvas2d/);
  await keepScreenshot(page, testInfo, 'after-context-loss');
});

test('without FontFace and WOFF2 (Chrome 30-35) the font loads from the WOFF by @font-face', async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'e2e', 'the renderer plays no part: once is enough');
  await page.addInitScript(() => {
    delete (window as { FontFace?: unknown }).FontFace;
  });
  await page.route('**/*.woff2', (route) => route.abort());
  const woff = page.waitForResponse((response) => response.url().endsWith('/sanwu-sans.woff') && response.ok());
  await openTv(page, { village: sample().villageCode, bundle: 'legacy' });
  await woff;
  await expectText(page, sample().village.region.name);
  expect(await page.evaluate((font) => document.fonts.check(`40px "${font}"`, '三务'), FONT)).toBe(true);
});
