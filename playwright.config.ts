import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
// Fail loudly rather than skip: the end-to-end tests need Debian's Chromium.
if (!existsSync(CHROMIUM)) {
  throw new Error(`${CHROMIUM} is missing: install it with "apt-get install -y --no-install-recommends chromium" (.ci/run does)`);
}

const PORT = Number(process.env.SANWU_TEST_PORT ?? 8391);

export default defineConfig({
  outputDir: 'test-results',
  reporter: [['list']],
  workers: 2,
  projects: [
    { name: 'unit', testDir: 'tests/unit' },
    // The feed service: real server processes on real database files.
    { name: 'server', testDir: 'tests/server', timeout: 120_000 },
    {
      name: 'e2e',
      testDir: 'tests/e2e',
      timeout: 60_000,
      use: {
        baseURL: `http://127.0.0.1:${PORT}`,
        viewport: { width: 1920, height: 1080 },
        launchOptions: {
          executablePath: CHROMIUM,
          args: ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
        },
      },
    },
  ],
  webServer: {
    // A fresh data directory each run: the service seeds and publishes the sample.
    command: `rm -rf .test-data/e2e-${PORT} && tsx server/main.ts --port ${PORT} --host 127.0.0.1 --data-dir .test-data/e2e-${PORT}`,
    url: `http://127.0.0.1:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
