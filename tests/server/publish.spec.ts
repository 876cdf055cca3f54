/**
 * Publishing as boxes see it: a signed manifest naming immutable files by hash,
 * revalidated with ETags; corrections, roll-backs and scheduled publishes; and the
 * audit chain behind it all.
 */
import { createHash, createPublicKey } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { verifyManifest } from '../../server/publish/signing';
import type { DistrictFeed } from '../../src/feed/schema';
import { servedEntries } from '../feedTree';
import { call, readSample, startService, type RunningService } from './harness';
import { chinaTime } from '../../src/format/dates';

let service: RunningService;
test.beforeAll(async () => {
  service = await startService();
});
test.afterAll(async () => service.stop());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${service.url}${path}`, { headers });
const manifest = async () => (await get('/feed/manifest.json')).json();

/** The box's public key as settings carry it (raw 32 bytes, base64), as a Node key. */
const publicKey = async () => {
  const { publicKey: raw } = await (await get('/feed/public-key')).json();
  const spkiPrefix = Buffer.from('302a300506032b6570032100', 'hex');
  return createPublicKey({ key: Buffer.concat([spkiPrefix, Buffer.from(raw, 'base64')]), format: 'der', type: 'spki' });
};

const district = () => readSample('district.json') as DistrictFeed;

const notice = (title: string) => ({ title, body: ['经村民代表会议讨论通过，现予公布。'] });

const publishApproved = async (region: string, channel: number, id: string, item: unknown) => {
  const { admin } = service.tokens;
  const draft = await call(service, 'PUT', `/api/regions/${region}/channels/${channel}/items/${id}`, admin.token, item);
  expect(draft.status).toBe(201);
  expect((await call(service, 'POST', `/api/drafts/${draft.body.id}/approve`, admin.token)).status).toBe(200);
  const published = await call(service, 'POST', '/api/publish', admin.token, {});
  expect(published.status).toBe(200);
  return published.body as { version: number; files: number; written: number };
};

/** Every entry of the served manifest's tree, indexes included. */
const entries = () => servedEntries(async (path) => (await get(path)).json());

const villageFile = async (code: string) =>
  (await get(`/feed/objects/${(await entries())[`villages/${code}.json`]!.sha256}.json`)).json();

test('the manifest is signed, names every file by its hash, and a tampered manifest or file is detected', async () => {
  const m = await manifest();
  const key = await publicKey();
  expect(verifyManifest(m, key)).toBe(true);
  // The root names the district's file and each street's index; down the indexes, every file.
  expect(Object.keys(m.files).sort()).toEqual(
    ['district.json', ...district().streets.map((s) => `streets/${s.code}/index.json`)].sort(),
  );
  const all = await entries();
  expect(Object.keys(all)).toContain(`villages/${service.tokens.clerk.region}.json`);
  for (const [path, entry] of Object.entries(all)) {
    const bytes = Buffer.from(await (await get(`/feed/objects/${entry.sha256}.json`)).arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex'), path).toBe(entry.sha256);
    expect(bytes.length).toBe(entry.bytes);
  }
  const forged = structuredClone(m);
  forged.version += 100;
  expect(verifyManifest(forged, key)).toBe(false);
  const swapped = structuredClone(m);
  const [first, second] = Object.keys(swapped.files);
  [swapped.files[first!], swapped.files[second!]] = [swapped.files[second!], swapped.files[first!]];
  expect(verifyManifest(swapped, key)).toBe(false);
  // A file altered on its way to the box no longer matches the hash the manifest signs.
  const entry = m.files['district.json'];
  const altered = Buffer.from(
    (await (await get(`/feed/objects/${entry.sha256}.json`)).text()).replace('寒亭区', '寒亭县'),
  );
  expect(createHash('sha256').update(altered).digest('hex')).not.toBe(entry.sha256);
});

test('the manifest answers 304 to a box that has it; hashed files are cached as immutable and compressed', async () => {
  const first = await get('/feed/manifest.json');
  const etag = first.headers.get('etag')!;
  expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
  expect(first.headers.get('cache-control')).toBe('no-cache');
  expect(first.headers.get('x-poll-interval')).toBe('60');
  const again = await get('/feed/manifest.json', { 'if-none-match': etag });
  expect(again.status).toBe(304);

  const { files } = await first.json();
  const sha = files['district.json'].sha256;
  const object = await get(`/feed/objects/${sha}.json`, { 'accept-encoding': 'br' });
  expect(object.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  expect(object.headers.get('content-encoding')).toBe('br');
  expect(object.headers.get('etag')).toBe(`"${sha}-br"`);
  expect(
    (await get(`/feed/objects/${sha}.json`, { 'accept-encoding': 'br', 'if-none-match': `"${sha}-br"` })).status,
  ).toBe(304);
  expect((await get(`/feed/objects/${sha}.json`, { 'accept-encoding': 'gzip' })).headers.get('content-encoding')).toBe(
    'gzip',
  );
  expect((await get('/feed/objects/../sanwu.db')).status).toBe(404);
});

test('the app bundle is sent as the twin the build compressed, not compressed again per request', async () => {
  for (const [encoding, twin] of [
    ['br', 'app.js.br'],
    ['gzip', 'app.js.gz'],
  ] as const) {
    const app = await get('/app.js', { 'accept-encoding': encoding });
    expect(app.headers.get('content-encoding')).toBe(encoding);
    expect(Number(app.headers.get('content-length'))).toBe(statSync(join('dist', twin)).size);
    expect(await app.text()).toBe(readFileSync('dist/app.js', 'utf8'));
  }
});

test("publishing one village rewrites only that village's file and the indexes above it; the manifest's old ETag gets 200", async () => {
  const { clerk } = service.tokens;
  const before = await manifest();
  const entriesBefore = await entries();
  const oldEtag = (await get('/feed/manifest.json')).headers.get('etag')!;
  const result = await publishApproved(clerk.region, 14, 'winter-roads', notice('冬季道路除雪安排'));
  expect(result.version).toBe(before.version + 1);
  const after = await manifest();
  const entriesAfter = await entries();
  const street = district().streets.find((s) => s.villages.some((v) => v.code === clerk.region))!.code;
  const changed = Object.keys(entriesAfter).filter(
    (path) => entriesAfter[path]!.sha256 !== entriesBefore[path]?.sha256,
  );
  expect(changed.sort()).toEqual(
    [`streets/${street}/index.json`, `villages/${clerk.region}.json`, `villages/${clerk.region}/index.json`].sort(),
  );
  // So a box of another street reads the new manifest and nothing else.
  expect(Object.keys(after.files).filter((path) => after.files[path].sha256 !== before.files[path]?.sha256)).toEqual([
    `streets/${street}/index.json`,
  ]);
  expect(result.written).toBe(3);
  expect((await get('/feed/manifest.json', { 'if-none-match': oldEtag })).status).toBe(200);
  const village = await villageFile(clerk.region);
  const affairs = village.channels.find((c: { id: number }) => c.id === 14);
  expect(affairs.content[0]).toMatchObject({ id: 'winter-roads', title: '冬季道路除雪安排', version: 1 });
});

test('a correction supersedes the old item, which stays visible as corrected', async () => {
  const { admin, clerk } = service.tokens;
  const corrected = await call(
    service,
    'POST',
    `/api/regions/${clerk.region}/channels/14/items/winter-roads/correction`,
    admin.token,
    {
      newId: 'winter-roads-2',
      note: '除雪时间由早六点改为早七点',
      item: notice('冬季道路除雪安排（更正）'),
    },
  );
  expect(corrected.status).toBe(201);
  for (const draft of corrected.body) await call(service, 'POST', `/api/drafts/${draft.id}/approve`, admin.token);
  await call(service, 'POST', '/api/publish', admin.token, {});
  const items = (await villageFile(clerk.region)).channels.find((c: { id: number }) => c.id === 14).content;
  const replacement = items.find((i: { id: string }) => i.id === 'winter-roads-2');
  const old = items.find((i: { id: string }) => i.id === 'winter-roads');
  expect(replacement.correction).toMatchObject({ note: '除雪时间由早六点改为早七点', supersedes: 'winter-roads' });
  expect(old.correctedBy).toBe('winter-roads-2');
  expect(old.version).toBe(2);
});

test('withdrawing removes an item at the next publish; rolling back republishes older content as a higher version', async () => {
  const { admin, clerk } = service.tokens;
  const before = await manifest();
  const villageBefore = await villageFile(clerk.region);
  // Times are to the second: let the withdrawal's be a later one, as it would be in use.
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  const withdrawal = await call(
    service,
    'DELETE',
    `/api/regions/${clerk.region}/channels/14/items/winter-roads-2`,
    admin.token,
  );
  await call(service, 'POST', `/api/drafts/${withdrawal.body.id}/approve`, admin.token);
  await call(service, 'POST', '/api/publish', admin.token, {});
  const ids = (await villageFile(clerk.region)).channels
    .find((c: { id: number }) => c.id === 14)
    .content.map((i: { id: string }) => i.id);
  expect(ids).not.toContain('winter-roads-2');

  const rolledBack = await call(service, 'POST', '/api/rollback', admin.token, { version: before.version });
  expect(rolledBack.status).toBe(200);
  const after = await manifest();
  expect(after.version).toBeGreaterThan(before.version + 1);
  expect(verifyManifest(after, await publicKey())).toBe(true);
  // Every item is back as it was. The sub-channel's "updated" time is the channel's latest
  // change, not versioned, so it may have moved on with the withdrawal (a second later).
  const withoutTimes = (village: { channels: Record<string, unknown>[] }) =>
    village.channels.map(({ updatedAt: _u, nextDueAt: _n, ...channel }) => channel);
  expect(withoutTimes(await villageFile(clerk.region))).toEqual(withoutTimes(villageBefore));
  // Nothing outside that village's branch of the tree changed.
  const street = district().streets.find((s) => s.villages.some((v) => v.code === clerk.region))!.code;
  const { [`streets/${street}/index.json`]: _branch, ...others } = after.files;
  expect(others).toEqual(
    Object.fromEntries(Object.entries(before.files).filter(([path]) => path !== `streets/${street}/index.json`)),
  );
});

test('a publish set for a later time happens then', async () => {
  const { admin, clerk } = service.tokens;
  const draft = await call(
    service,
    'PUT',
    `/api/regions/${clerk.region}/channels/13/items/scheduled`,
    admin.token,
    notice('定时发布的党务通知'),
  );
  await call(service, 'POST', `/api/drafts/${draft.body.id}/approve`, admin.token);
  const version = (await manifest()).version;
  const at = chinaTime(Date.now() + 2_000);
  const scheduled = await call(service, 'POST', '/api/publish', admin.token, { at });
  expect(scheduled.status).toBe(202);
  expect((await manifest()).version).toBe(version);
  await expect.poll(async () => (await manifest()).version, { timeout: 20_000 }).toBe(version + 1);
});

test('every change is in the hash-chained audit log, whose head the manifest carries; tampering is detected', async () => {
  const check = await call(service, 'GET', '/api/audit/verify', service.tokens.admin.token);
  expect(check.body.ok).toBe(true);
  expect(check.body.entries).toBeGreaterThan(10);
  const m = await manifest();
  expect(m.auditHead).toMatch(/^[0-9a-f]{64}$/);
  const db = `${service.dataDir}/sanwu.db`;
  const sql = (statement: string) =>
    execFileSync(
      'npx',
      [
        'tsx',
        '-e',
        `import D from 'better-sqlite3'; const d = new D(${JSON.stringify(db)}); console.log(JSON.stringify(${statement}));`,
      ],
      { encoding: 'utf8' },
    );
  // The database itself refuses to rewrite history…
  expect(() => sql(`d.prepare("UPDATE audit_log SET action = 'x' WHERE seq = 2").run()`)).toThrow(/append-only/);
  const entries = JSON.parse(sql(`d.prepare('SELECT action, target FROM audit_log ORDER BY seq').all()`));
  expect(entries.map((e: { action: string }) => e.action)).toEqual(
    expect.arrayContaining(['seed', 'draft', 'approve', 'publish', 'correct', 'withdraw', 'rollback', 'schedule']),
  );
  // …and if someone gets round it, the chain check names the entry.
  sql(
    `(d.exec("DROP TRIGGER audit_log_no_update"), d.prepare("UPDATE audit_log SET target = 'forged' WHERE seq = 3").run())`,
  );
  const broken = await call(service, 'GET', '/api/audit/verify', service.tokens.admin.token);
  expect(broken.body).toMatchObject({ ok: false, brokenAt: 3 });
});
