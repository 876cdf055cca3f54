/**
 * The smoke walk in WPE WebKit, the engine of RDK boxes: Debian's cog in its headless
 * platform, driven through WPEWebDriver. Modern and legacy bundles, WebGL and canvas2d, and
 * once with the web process held to a small box's memory. Fails, never skips, without WPE.
 */
import { test, expect } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { readScreen, smokeWalk, type Tv } from './smoke';
import { sample } from './tv';
import { WebDriver, type Session } from './webdriver';

/** A 1 GB box leaves the browser's web process a few hundred MiB beside video and the OS. */
const SMALL_BOX_MIB = 200;

// The three walks are independent (each its own cog session): both workers share them, each with its own driver.
test.describe.configure({ mode: 'parallel' });

let driver: WebDriver;
test.beforeAll(async () => {
  driver = await WebDriver.start();
});
test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('wpe-driver-log', { body: driver.log });
});
test.afterAll(async () => {
  await driver?.stop();
});

const tvOf = (session: Session): Tv => ({
  press: (key) => session.press(key),
  run: (script) => session.run(script),
});

interface Run {
  name: string;
  params: Record<string, string>;
  renderer: 'webgl' | 'canvas2d';
  cogArgs: string[];
}

const RUNS: Run[] = [
  // The modern bundle's WebGL walk runs on a small box's memory: the same walk, under the tighter limit.
  {
    name: `modern bundle, WebGL, web process held to ${SMALL_BOX_MIB} MiB`,
    params: { bundle: 'modern' },
    renderer: 'webgl',
    cogArgs: [`--web-mem-limit=${SMALL_BOX_MIB}`],
  },
  { name: 'legacy bundle, WebGL', params: { bundle: 'legacy' }, renderer: 'webgl', cogArgs: [] },
  // WebDriver screenshots of WebGL come back black in WPE; canvas2d ones show the screen (the
  // headless window's 800×600 top-left corner of the 1920×1080 stage).
  {
    name: 'legacy bundle, canvas2d',
    params: { bundle: 'legacy', renderer: 'canvas2d' },
    renderer: 'canvas2d',
    cogArgs: [],
  },
];

for (const run of RUNS) {
  test(`WPE WebKit: smoke walk, ${run.name}`, async ({ baseURL }, testInfo) => {
    const session = await driver.session(run.cogArgs);
    try {
      const query = new URLSearchParams({ inspector: '1', village: sample().villageCode, ...run.params });
      await session.go(`${baseURL}/?${query.toString()}`);
      const tv = tvOf(session);
      const { homeMs } = await smokeWalk(tv);
      const screen = await readScreen(tv);
      expect(screen.bundle).toBe(run.params.bundle);
      expect(screen.renderer).toBe(run.renderer);
      testInfo.annotations.push({ type: 'home shown', description: `${Math.round(homeMs)} ms after navigation` });
      if (run.renderer === 'canvas2d') {
        const path = testInfo.outputPath('wpe-exit-question.png');
        writeFileSync(path, await session.screenshot());
        await testInfo.attach('wpe-exit-question', { path, contentType: 'image/png' });
      }
    } finally {
      await session.close();
    }
  });
}
