/**
 * An export writes the same files for any static server; a tested nginx configuration
 * serves them. The tests start Debian's nginx (tests/server/nginx/*.conf, filled in) on
 * an exported feed and the built app, check its caching and encodings over HTTP, and let
 * the TV app in Chromium read its feed through it.
 */
import { test, expect, chromium } from '@playwright/test';
import { spawn, spawnSync, execFile, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import http, { type IncomingHttpHeaders } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { FileEntries, Manifest } from '../../src/feed/manifest';
import { readIndexTree } from '../../server/publish/indexTree';
import type { VillageFeed } from '../../src/feed/schema';
import { formatFen } from '../../src/format/money';
import { formatMonth } from '../../src/format/dates';
import { call, readSample, startService, type RunningService } from './harness';
import { expectCrumbs, expectFocusedRef, expectFocusedText, expectText, press } from '../e2e/tv';

const NGINX = '/usr/sbin/nginx';
const APP_DIR = resolve('dist');
const TEMPLATES = resolve('tests/server/nginx');

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A GET exactly as sent and received: no automatic decompression, no cache. */
const get = (url: string, headers: Record<string, string> = {}): Promise<Raw> =>
  new Promise((done, fail) => {
    http
      .get(url, { headers, agent: false }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          done({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
        );
        response.on('error', fail);
      })
      .on('error', fail);
  });

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const freePort = (): Promise<number> =>
  new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });

/** The operators' CLI as an operator runs it. */
const sanwu = (args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string }> =>
  new Promise((done) => {
    execFile(
      'npx',
      ['tsx', 'server/cli/sanwu.ts', ...args],
      { env: { ...process.env, ...env }, maxBuffer: 10 * 1024 * 1024 },
      (error, stdout, stderr) =>
        done({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` }),
    );
  });

/** A template with its ${SANWU_…} placeholders filled in; an unknown one is an error. */
const fill = (template: string, values: Record<string, string>): string =>
  template.replace(/\$\{(SANWU_[A-Z_]+)\}/g, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for \${${name}}`);
    return value;
  });

interface RunningNginx {
  url: string;
  runDir: string;
  stop(): Promise<void>;
}

const startNginx = async (feedDir: string, settingsFile: string): Promise<RunningNginx> => {
  const runDir = mkdtempSync(join(tmpdir(), 'sanwu-nginx-'));
  const port = await freePort();
  const values = {
    SANWU_LISTEN: `127.0.0.1:${port}`,
    SANWU_APP_DIR: APP_DIR,
    SANWU_FEED_DIR: feedDir,
    SANWU_SETTINGS_FILE: settingsFile,
    SANWU_RUN_DIR: runDir,
    SANWU_USER: process.getuid?.() === 0 ? 'root' : 'nobody',
  };
  writeFileSync(join(runDir, 'sanwu.conf'), fill(readFileSync(join(TEMPLATES, 'sanwu.conf'), 'utf8'), values));
  let main = fill(readFileSync(join(TEMPLATES, 'nginx.conf'), 'utf8'), values);
  // Without root privileges nginx warns about "user" and ignores it: leave it out.
  if (process.getuid?.() !== 0) main = main.replace(/^user .*;$/m, '');
  const conf = join(runDir, 'nginx.conf');
  writeFileSync(conf, main);
  const args = ['-p', runDir, '-c', conf, '-g', 'daemon off;'];
  const check = spawnSync(NGINX, ['-t', ...args], { encoding: 'utf8' });
  expect(check.status, `nginx -t accepts the configuration:\n${check.stderr}`).toBe(0);

  const child: ChildProcess = spawn(NGINX, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const closed = new Promise<void>((done) => child.once('close', () => done()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      if ((await get(`${url}/index.html`)).status === 200) break;
    } catch {
      // not listening yet
    }
    const log = existsSync(join(runDir, 'error.log')) ? readFileSync(join(runDir, 'error.log'), 'utf8') : '';
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`nginx did not start:\n${output}\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    runDir,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGQUIT'); // graceful: finish the requests in flight
        await Promise.race([closed, new Promise((r) => setTimeout(r, 5_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      await closed;
    },
  };
};

let service: RunningService;
let nginx: RunningNginx | undefined;
let out: string;
let work: string;
let manifestBytes: Buffer;
let manifest: Manifest;
/** Every entry of the exported manifest's tree, indexes included. */
let entries: FileEntries;
const village = () => readSample('district.json').streets[0].villages[0] as { code: string; name: string };

test.beforeAll(async () => {
  // Fail, never skip, without the web server this test is about.
  if (!existsSync(NGINX))
    throw new Error(
      `${NGINX} is missing: install it with "apt-get install -y --no-install-recommends nginx" (.ci/run does)`,
    );
  if (!existsSync(join(APP_DIR, 'index.html')) || !existsSync(join(APP_DIR, 'app.js')))
    throw new Error('dist/ is missing: run "npm run build" first (npm test does)');
  test.setTimeout(120_000);
  service = await startService();
  work = mkdtempSync(join(tmpdir(), 'sanwu-export-'));
  out = join(work, 'feed');

  // Something new to publish: a notice in the first village, approved and published.
  const { admin } = service.tokens;
  const { code } = village();
  const draft = await call(service, 'PUT', `/api/regions/${code}/channels/14/items/nginx-notice`, admin.token, {
    title: '道路维修公告',
    body: ['村民代表会议决定于十二月一日起实行新的垃圾清运时间。'],
  });
  expect(draft.status).toBe(201);
  expect((await call(service, 'POST', `/api/drafts/${draft.body.id}/approve`, admin.token)).status).toBe(200);
  const published = await call(service, 'POST', '/api/publish', admin.token, {});
  expect(published.status).toBe(200);

  const exported = await sanwu(['export', '--data-dir', service.dataDir, '--out', out]);
  expect(exported.code, exported.out).toBe(0);
  expect(exported.out).toContain(`已导出第 ${published.body.version} 版`);
  manifestBytes = readFileSync(join(out, 'manifest.json'));
  manifest = JSON.parse(manifestBytes.toString('utf8')) as Manifest;
  entries = readIndexTree(out, manifest);

  // The boxes' settings: the built ones plus the publisher's public key from the export, and
  // the service's address, where boxes that cannot start report it (nginx takes no reports).
  const settings = JSON.parse(readFileSync(join(APP_DIR, 'settings.json'), 'utf8')) as {
    platformSettings: Record<string, unknown>;
  };
  settings.platformSettings.feedPublicKey = (
    JSON.parse(readFileSync(join(out, 'public-key'), 'utf8')) as { publicKey: string }
  ).publicKey;
  settings.platformSettings.serviceUrl = service.url;
  writeFileSync(join(work, 'settings.json'), JSON.stringify(settings, null, 2));
  nginx = await startNginx(out, join(work, 'settings.json'));
});

test.afterAll(async () => {
  await nginx?.stop();
  await service?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
  if (nginx) rmSync(nginx.runDir, { recursive: true, force: true });
});

test('an export writes the files the service serves, byte for byte, and nothing half-done', async () => {
  // The manifest is the published one; every object with both compressed twins.
  expect(manifestBytes.equals(readFileSync(join(service.dataDir, 'feed', 'manifest.json')))).toBe(true);
  const served = await get(`${service.url}/feed/manifest.json`);
  expect(served.body.equals(manifestBytes), 'the service serves the same manifest').toBe(true);
  const files = Object.entries(entries);
  expect(files.length).toBeGreaterThan(50);
  for (const [path, entry] of files) {
    const file = join(out, 'objects', `${entry.sha256}.json`);
    const bytes = readFileSync(file);
    expect(sha256(bytes), path).toBe(entry.sha256);
    expect(bytes.length, path).toBe(entry.bytes);
    expect(gunzipSync(readFileSync(`${file}.gz`)).equals(bytes), `${path}.gz`).toBe(true);
    expect(existsSync(`${file}.br`), `${path}.br`).toBe(true);
  }
  // Spot-check that the service hands out the very same bytes for a few objects.
  for (const [, entry] of files.slice(0, 5)) {
    const answer = await get(`${service.url}/feed/objects/${entry.sha256}.json`);
    expect(answer.status).toBe(200);
    expect(answer.body.equals(readFileSync(join(out, 'objects', `${entry.sha256}.json`)))).toBe(true);
  }
  // The media the feed names, and the public key a box can be given.
  const media = readdirSync(join(service.dataDir, 'feed', 'media'), { recursive: true, withFileTypes: true }).filter(
    (e) => e.isFile(),
  );
  expect(media.length).toBeGreaterThan(0);
  for (const entry of media.slice(0, 20)) {
    const relative = join(entry.parentPath, entry.name).slice(join(service.dataDir, 'feed', 'media').length);
    expect(statSync(join(out, 'media', relative)).size, relative).toBe(
      statSync(join(entry.parentPath, entry.name)).size,
    );
  }
  const key = JSON.parse(readFileSync(join(out, 'public-key'), 'utf8')) as { alg: string; publicKey: string };
  const servedKey = await get(`${service.url}/feed/public-key`);
  expect(key).toEqual(JSON.parse(servedKey.body.toString('utf8')));
  // No temporary or stray files: only what a static server should publish.
  const names = readdirSync(out, { recursive: true }) as string[];
  expect(names.filter((name) => /(^|\/)\./.test(name))).toEqual([]);
  expect(readdirSync(join(out, 'objects')).every((name) => /^[0-9a-f]{64}\.json(\.gz|\.br)?$/.test(name))).toBe(true);
});

test('nginx serves the export: revalidated manifest, immutable gzipped objects, media, the app', async () => {
  const base = nginx!.url;
  // The manifest: never cached unrevalidated, an ETag, a 304 when unchanged, the poll interval.
  const first = await get(`${base}/feed/manifest.json`);
  expect(first.status).toBe(200);
  expect(first.body.equals(manifestBytes)).toBe(true);
  expect(first.headers['content-type']).toMatch(/^application\/json/);
  expect(first.headers['cache-control']).toBe('no-cache');
  expect(first.headers['x-poll-interval']).toBe('60');
  const etag = first.headers.etag;
  expect(etag, 'the manifest has an ETag').toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
  const again = await get(`${base}/feed/manifest.json`, { 'If-None-Match': etag! });
  expect(again.status).toBe(304);
  expect(again.body.length).toBe(0);
  expect(again.headers['x-poll-interval']).toBe('60');
  // The root of the tree is smaller than nginx's gzip_min_length (1 KB): a box that accepts
  // gzip gets the same bytes, and revalidates them the same way.
  expect(manifestBytes.length).toBeLessThan(1024);
  const zipped = await get(`${base}/feed/manifest.json`, { 'Accept-Encoding': 'gzip' });
  expect(zipped.body.equals(manifestBytes)).toBe(true);
  expect(
    (await get(`${base}/feed/manifest.json`, { 'Accept-Encoding': 'gzip', 'If-None-Match': zipped.headers.etag! }))
      .status,
  ).toBe(304);

  // An object: immutable for a year, its .gz twin as is when gzip is accepted.
  const [path, entry] = Object.entries(entries).find(([p]) => p === `villages/${village().code}.json`)!;
  const object = `${base}/feed/objects/${entry.sha256}.json`;
  const plain = await get(object);
  expect(plain.status, path).toBe(200);
  expect(plain.headers['content-type']).toMatch(/^application\/json/);
  expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.body.length).toBe(entry.bytes);
  expect(sha256(plain.body)).toBe(entry.sha256);
  const gz = await get(object, { 'Accept-Encoding': 'gzip, deflate, br' });
  expect(gz.status).toBe(200);
  expect(gz.headers['content-encoding']).toBe('gzip');
  expect(gz.headers.vary).toBe('Accept-Encoding');
  expect(gz.headers['content-type']).toMatch(/^application\/json/);
  expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(
    gz.body.equals(readFileSync(join(out, 'objects', `${entry.sha256}.json.gz`))),
    'the precompressed twin, not a recompression',
  ).toBe(true);
  expect(sha256(gunzipSync(gz.body))).toBe(entry.sha256);
  // A missing object is a plain 404 that nobody caches for a year.
  const missing = await get(`${base}/feed/objects/${'0'.repeat(64)}.json`);
  expect(missing.status).toBe(404);
  expect(missing.headers['cache-control']).toBeUndefined();
  expect((await get(`${base}/feed/objects/.hidden.tmp`)).status).toBe(404);

  // Media, the key, the app and its settings.
  const villageFeed = JSON.parse(plain.body.toString('utf8')) as VillageFeed;
  const ledger = villageFeed.channels.find((c) => c.id === 15);
  expect(ledger?.kind).toBe('ledger');
  const receipt = readdirSync(join(out, 'media'), { recursive: true })
    .map(String)
    .find((name) => name.endsWith('.jpg'))!;
  const image = await get(`${base}/feed/media/${receipt}`);
  expect(image.status).toBe(200);
  expect(image.headers['content-type']).toBe('image/jpeg');
  expect(image.headers['cache-control']).toBe('public, max-age=86400');
  const key = await get(`${base}/feed/public-key`);
  expect(key.headers['content-type']).toMatch(/^application\/json/);
  expect(JSON.parse(key.body.toString('utf8'))).toEqual(JSON.parse(readFileSync(join(out, 'public-key'), 'utf8')));
  const index = await get(`${base}/`);
  expect(index.status).toBe(200);
  expect(index.headers['content-type']).toMatch(/^text\/html/);
  expect(index.headers['cache-control']).toBe('no-cache');
  const app = await get(`${base}/app.js`, { 'Accept-Encoding': 'gzip' });
  expect(app.headers['content-type']).toMatch(/^application\/javascript/);
  expect(app.headers['content-encoding']).toBe('gzip');
  // The build's own twin, not compressed again per request.
  expect(app.body.equals(readFileSync(join(APP_DIR, 'app.js.gz')))).toBe(true);
  const settings = await get(`${base}/settings.json`);
  expect(JSON.parse(settings.body.toString('utf8')).platformSettings.feedPublicKey).toBe(
    JSON.parse(key.body.toString('utf8')).publicKey,
  );
  expect((await get(`${base}/feed/`)).status).toBe(404);
});

test('the TV app reads its feed through nginx: home, then 财务收支 by keys', async ({}, testInfo) => {
  const base = nginx!.url;
  const { code, name } = village();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-quic', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, baseURL: base });
    const requests: string[] = [];
    const servers = new Set<string>();
    page.on('request', (request) => requests.push(request.url()));
    page.on('response', (response) => {
      // Not the private index an unbound box looks for: the export holds none, so it is a 404 until bound.
      if (response.url().startsWith(`${base}/feed/`) && !response.url().startsWith(`${base}/feed/private/`))
        servers.add(`${response.status()} ${response.headers().server ?? '?'}`);
    });
    await page.goto(`/?inspector=1&village=${code}`);
    await expect(page.locator('[ref="Tab-village"]')).toBeVisible({ timeout: 30_000 });
    await expectText(page, name, 20_000);

    // Its files came from nginx: the manifest, and the village file by its hash.
    const villageFile = entries[`villages/${code}.json`]!;
    expect(requests).toContain(`${base}/feed/manifest.json`);
    expect(requests).toContain(`${base}/feed/objects/${villageFile.sha256}.json`);
    expect(
      [...servers].every((s) => /^(200|304) nginx$/.test(s)),
      [...servers].join(', '),
    ).toBe(true);

    // Into the ledger by remote keys; the newest month is the first row.
    await press(page, 'ArrowRight', 4);
    await expectFocusedRef(page, 'Channel-15');
    await press(page, 'Enter');
    await expectCrumbs(page, '社区', '财务收支');
    const feed = JSON.parse(readFileSync(join(out, 'objects', `${villageFile.sha256}.json`), 'utf8')) as VillageFeed;
    const channel = feed.channels.find((c) => c.id === 15);
    if (channel?.kind !== 'ledger') throw new Error('the village has no ledger');
    const newest = channel.content.months.at(-1)!;
    await expectFocusedText(page, formatMonth(newest.month));
    await expectFocusedText(page, formatFen(newest.closingFen));
    const shot = testInfo.outputPath('ledger-through-nginx.png');
    await page.screenshot({ path: shot });
    await testInfo.attach('ledger-through-nginx', { path: shot, contentType: 'image/png' });
  } finally {
    await browser.close();
  }
});

test('a box that cannot start, on a page from nginx, reports it to the service named in its settings', async () => {
  const base = nginx!.url;
  // Where a relative report would go: nginx, which takes none.
  expect(
    (await fetch(`${base}/box/boot-failures`, { method: 'POST', body: '{"error":"x"}' })).status,
  ).toBeGreaterThanOrEqual(400);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-quic', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.route('**/app.legacy.js', (route) =>
      route.fulfill({ contentType: 'text/javascript', body: "throw new Error('no home behind nginx');" }),
    );
    await page.goto(`${base}/?bundle=legacy`);
    await expect(page.locator('#boot-error')).toContainText('no home behind nginx');
    const reports = async () =>
      (await call(service, 'GET', '/api/boot-failures', service.tokens.admin.token)).body as {
        error: string;
        page: string;
      }[];
    await expect
      .poll(async () => (await reports()).some((report) => report.error.includes('no home behind nginx')))
      .toBe(true);
    const report = (await reports()).find((each) => each.error.includes('no home behind nginx'))!;
    expect(report.page.startsWith(`${base}/`), 'the page came from nginx').toBe(true);
  } finally {
    await browser.close();
  }
});

// An export killed while copying must not leave a short object that later exports keep.
test('a second export repairs an object that an interrupted export left half-copied', async () => {
  const again = join(work, 'again');
  mkdirSync(join(again, 'objects'), { recursive: true });
  const entry = entries[`villages/${village().code}.json`]!;
  // What a kill in the middle of cpSync leaves: the file under its final name, cut short.
  const half = join(again, 'objects', `${entry.sha256}.json`);
  writeFileSync(half, readFileSync(join(out, 'objects', `${entry.sha256}.json`)));
  truncateSync(half, Math.floor(entry.bytes / 2));
  const exported = await sanwu(['export', '--data-dir', service.dataDir, '--out', again]);
  expect(exported.code, exported.out).toBe(0);
  expect(statSync(half).size).toBe(entry.bytes);
});
