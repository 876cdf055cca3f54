import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
// Chromium's headless shell, from the same Debian source package (the same Blink and V8): what
// Playwright itself drives headless. Without the full browser's UI and display compositor a test
// costs half the CPU (6 boots and walks: 20 CPU-s against 40), which is most of the suite's time.
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
// Fail loudly rather than skip: the end-to-end tests need both.
const DEBIAN_PACKAGES = { [CHROMIUM]: 'chromium', [HEADLESS_SHELL]: 'chromium-headless-shell' };
for (const [binary, pkg] of Object.entries(DEBIAN_PACKAGES)) {
  if (!existsSync(binary)) {
    throw new Error(
      `${binary} is missing: install it with "apt-get install -y --no-install-recommends ${pkg}" (.ci/run does)`,
    );
  }
}

const PORT = Number(process.env.SANWU_TEST_PORT ?? 8391);
const E2E_DATA = `.test-data/e2e-${PORT}`;
const TEMPLATE = process.env.SANWU_TEST_TEMPLATE;
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
];
const e2eUse = { baseURL: `http://127.0.0.1:${PORT}`, viewport: { width: 1920, height: 1080 } };

export default defineConfig({
  outputDir: 'test-results',
  reporter: [['list']],
  // Three workers on two cores, of which the feed service's tests (CPU-bound: processes started,
  // killed, publishing) take one at most. A TV test spends half its time waiting on the app (a
  // feed poll, a timer), and the service's tests now fill that time instead of queueing for a worker
  // of their own: the tests took 7.0 min against 8.5 with two workers, with the CPU 88 % busy.
  workers: 3,
  // What a test waits for (a boot, a route, a reply) may take long on a machine kept busy by
  // other work; a passing assertion returns as soon as it holds, so the room costs nothing.
  expect: { timeout: 15_000 },
  projects: [
    // The long walks in other engines first, so that they overlap the rest instead of ending the run alone.
    {
      // The smoke walk in QtWebKit 5.212 (Debian's python3-pyqt5.qtwebkit): a 2016 WebKit, the
      // oldest engine generation the legacy bundle serves. It launches no Chromium.
      name: 'e2e-oldwebkit',
      testDir: 'tests/e2e',
      testMatch: 'oldwebkit.spec.ts',
      timeout: 300_000,
      use: e2eUse,
    },
    {
      // The smoke walk in WPE WebKit (RDK boxes) through WPEWebDriver; it launches no Chromium.
      name: 'e2e-wpe',
      testDir: 'tests/e2e',
      testMatch: 'wpe.spec.ts',
      timeout: 120_000,
      // Debian's WPE 2.38, headless on software GL, rarely loses its web process mid-walk (a crash
      // 6 s in, or a hang to the timeout: seen twice in full runs, never in 15 walks in a row under load).
      // A walk that fails so gets one more in a fresh cog session; the report marks it flaky and
      // keeps the driver's log, and a walk that fails twice fails the run.
      retries: 1,
      use: e2eUse,
    },
    { name: 'unit', testDir: 'tests/unit' },
    // The feed service: real server processes on real database files, one test at a time (see workers).
    { name: 'server', testDir: 'tests/server', timeout: 120_000, workers: 1 },
    {
      // Everything the box does, drawn by canvas2d: the scene graph, focus, routes and feed
      // handling are the same whichever renderer draws them, and without a GPU Chromium's WebGL
      // is SwiftShader, which costs about four times canvas2d's CPU per frame (a key press: 160 ms
      // against 40 ms at 1080p). The probe still decides: without WebGL it must fall back.
      name: 'e2e',
      testDir: 'tests/e2e',
      timeout: 60_000,
      testIgnore: ['wpe.spec.ts', 'oldwebkit.spec.ts', 'consoleVoice.spec.ts'],
      use: {
        ...e2eUse,
        launchOptions: { executablePath: HEADLESS_SHELL, args: [...CHROMIUM_ARGS, '--disable-webgl'] },
      },
    },
    {
      // Desktop notifications, which the headless shell has none of: the console's duty list
      // raising one, in the full browser (canvas2d, as in e2e).
      name: 'e2e-browser',
      testDir: 'tests/e2e',
      testMatch: 'consoleVoice.spec.ts',
      timeout: 60_000,
      use: { ...e2eUse, launchOptions: { executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, '--disable-webgl'] } },
    },
    {
      // What depends on the renderer, again with WebGL, as current boxes draw, in the full browser: the probe, the
      // context handed to Lightning and its loss (engines), and every screen type drawn with its
      // texts and images in the pixels and no error (drawn).
      name: 'e2e-webgl',
      testDir: 'tests/e2e',
      testMatch: ['engines.spec.ts', 'drawn.spec.ts'],
      timeout: 60_000,
      use: { ...e2eUse, launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS } },
    },
  ],
  webServer: {
    // A fresh data directory each run: a copy of the run's seeded sample (tests/run.ts), or,
    // run without it, an empty one that the service seeds and publishes at its first start.
    command: [
      `rm -rf ${E2E_DATA}`,
      `mkdir -p .test-data`,
      ...(TEMPLATE ? [`cp -a ${TEMPLATE} ${E2E_DATA}`] : []),
      `node dist-service/main.mjs --port ${PORT} --host 127.0.0.1 --data-dir ${E2E_DATA}`,
    ].join(' && '),
    url: `http://127.0.0.1:${PORT}/healthz`,
    reuseExistingServer: false,
    // Room for a first start that seeds the sample on a machine kept busy by other work.
    timeout: 180_000,
  },
});
