/**
 * The smoke walk in an old engine from Debian's own packages: QtWebKit 5.212 (2016, the
 * Safari 9–10 generation of the WebKit middleware browsers on Chinese cable boxes), driven
 * through tests/e2e/qtwebkit.py with real key events. The loader must pick the legacy bundle
 * by itself, and the app must fall back to canvas2d (no WebGL there). Screenshots of home,
 * the ledger month, the voucher, the receipt and the leave question are kept in test-results.
 */
import { test, expect } from '@playwright/test';
import { readScreen, smokeWalk, type Tv } from './smoke';
import { sample } from './tv';
import { OldWebKit } from './qtwebkit';

test('QtWebKit 5.212 (Safari 9–10 generation): the legacy bundle boots to home and the smoke walk passes by keys', async ({
  baseURL,
}, testInfo) => {
  const engine = OldWebKit.start();
  const shot = async (name: string) => {
    const path = testInfo.outputPath(`oldwebkit-${name}.png`);
    await engine.screenshot(path);
    await testInfo.attach(`oldwebkit-${name}`, { path, contentType: 'image/png' });
  };
  try {
    const query = new URLSearchParams({ inspector: '1', village: sample().villageCode });
    await engine.go(`${baseURL}/?${query.toString()}`);
    const tv: Tv = { press: (key) => engine.press(key), run: (script) => engine.run(script) };
    await expect
      .poll(async () => (await readScreen(tv)).focused, {
        message: 'home on screen',
        timeout: 60_000,
        intervals: [200],
      })
      .toBe('Channel-11');
    const { homeMs } = await smokeWalk(tv, shot);
    await shot('exit-question');
    const screen = await readScreen(tv);
    expect(screen.bundle).toBe('legacy');
    expect(screen.renderer).toBe('canvas2d');
    expect(await engine.run<string | null>("return document.documentElement.getAttribute('data-boot')")).toBe('shown');
    expect(await engine.run<string>('return typeof BigInt + "," + typeof document.fonts')).toBe('undefined,undefined');
    testInfo.annotations.push({ type: 'home shown', description: `${Math.round(homeMs)} ms after navigation` });
  } catch (error) {
    await shot('failure').catch(() => undefined);
    throw new Error(`${String(error)}\nQtWebKit console:\n${engine.console.slice(-30).join('\n')}`);
  } finally {
    await engine.stop();
  }
});
