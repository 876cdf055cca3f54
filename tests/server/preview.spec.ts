/**
 * The console's TV preview feed, in this process (inject): only a signed-in operator who may read
 * the draft gets it, never stored anywhere (no-store), signed by the preview key, which a box with
 * its normal trust refuses; and building it stores nothing.
 */
import { test, expect } from '@playwright/test';
import { startSession } from '../../server/auth/consoleLogins';
import { loadPreviewKey } from '../../server/publish/preview';
import { verifyManifest } from '../../server/publish/signing';
import { feedPaths } from '../../src/feed/paths';
import type { Manifest } from '../../src/feed/manifest';
import type { VillageFeed } from '../../src/feed/schema';
import { judgeManifest } from '../../src/tv/sync/judgeManifest';
import { signatureIsValid } from '../../src/tv/sync/verify';
import { servedEntries } from '../feedTree';
import { readSample } from './harness';
import { call, startInProcess, type InProcessService } from './inProcess';

let running: InProcessService;
test.beforeAll(async () => {
  running = await startInProcess();
});
test.afterAll(async () => running.stop());

const TITLE = '预览专用：关于冬季用电安全的提醒';
const NOTICES = 14;

const cookieFor = (operatorId: number) => `sanwu_console=${startSession(running.service.db, operatorId).sessionId}`;
const operatorId = (role: string) =>
  running.service.db.prepare('SELECT id FROM operators WHERE role = ? ORDER BY id LIMIT 1').pluck().get(role) as number;

const get = async (url: string, cookie?: string) => {
  const response = await running.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  return { status: response.statusCode, headers: response.headers, text: response.body };
};

/** A clerk's draft notice in their village, as the console's form sends it. */
const draftNotice = async () => {
  const { token, region } = running.tokens.clerk;
  const answer = await call(running, 'PUT', `/api/regions/${region}/channels/${NOTICES}/items/preview-1`, token, {
    title: TITLE,
    body: ['天气转冷，请勿私拉电线，离家时关好电暖器。'],
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return { id: answer.body.id as number, village: region };
};

test('the preview feed needs a session, is never stored, and shows the draft on top of what is published', async () => {
  const { id, village } = await draftNotice();
  const base = `/console/preview/feed/${id}`;
  const refused = await get(`${base}/manifest.json`);
  expect(refused.status).toBe(401);
  expect(refused.headers['cache-control']).toBe('no-store');
  // An operator's bearer token is the command line's, not a console session: refused too.
  const byToken = await running.app.inject({
    method: 'GET',
    url: `${base}/manifest.json`,
    headers: { authorization: `Bearer ${running.tokens.clerk.token}` },
  });
  expect(byToken.statusCode).toBe(401);

  const cookie = cookieFor(operatorId('clerk'));
  const answer = await get(`${base}/manifest.json`, cookie);
  expect(answer.status, answer.text).toBe(200);
  expect(answer.headers['cache-control']).toBe('no-store');
  const getJson = async (path: string) => {
    const file = await get(path.replace(/^\/feed/, base), cookie);
    expect(file.headers['cache-control'], path).toBe('no-store');
    return JSON.parse(file.text) as unknown;
  };
  const entries = await servedEntries(getJson);
  const villageFile = (await getJson(
    `/feed/objects/${entries[feedPaths.village(village)]!.sha256}.json`,
  )) as VillageFeed;
  const notices = villageFile.channels.find((c) => c.id === NOTICES);
  expect(notices?.kind === 'articles' && notices.content.map((a) => a.title)).toContain(TITLE);
  // The other villages' files are those published: only the draft's branch differs.
  const published = await servedEntries(async (path) => JSON.parse((await get(path)).text));
  expect(entries[feedPaths.district()]).toEqual(published[feedPaths.district()]);
  expect(entries[feedPaths.village(village)]).not.toEqual(published[feedPaths.village(village)]);
});

test('the preview is signed by the preview key: a box with its normal trust refuses it', async () => {
  const { id } = await draftNotice();
  const cookie = cookieFor(operatorId('clerk'));
  const manifest = JSON.parse((await get(`/console/preview/feed/${id}/manifest.json`, cookie)).text) as Manifest;
  const previewKey = loadPreviewKey(running.service.dataDir);
  const realKey = running.service.key;
  expect(previewKey.publicKeyBase64).not.toBe(realKey.publicKeyBase64);
  expect(verifyManifest(manifest, previewKey.publicKey)).toBe(true);
  expect(verifyManifest(manifest, realKey.publicKey)).toBe(false);

  const holds = async (m: Manifest, key: string, field: 'signature' | 'previousKeySignature') =>
    signatureIsValid(m, key, field);
  const real = realKey.publicKeyBase64;
  // A box that trusts the real key, or a new box whose settings offer it: a forgery.
  expect(await judgeManifest(manifest, real, real, holds)).toEqual({ kind: 'forged' });
  expect(await judgeManifest(manifest, null, real, holds)).toEqual({ kind: 'forged' });
  // Settings altered to offer the preview key do not move a box off the key it trusts.
  expect(await judgeManifest(manifest, real, previewKey.publicKeyBase64, holds)).toEqual({ kind: 'untrustedKey' });
  // Only an app told to trust the preview key takes it: the console's preview, through its own settings.
  const settings = JSON.parse((await get('/console/preview/tv/settings.json')).text);
  expect(settings.platformSettings.feedPublicKey).toBe(previewKey.publicKeyBase64);
  expect(await judgeManifest(manifest, null, settings.platformSettings.feedPublicKey, holds)).toMatchObject({
    kind: 'trusted',
  });
  const boxSettings = JSON.parse((await get('/settings.json')).text);
  expect(boxSettings.platformSettings.feedPublicKey).toBe(real);
  // The preview's storage is apart from a real box's on the same browser (the SDK's namespace).
  expect(settings.platformSettings.id).toMatch(/^preview-/);
  expect(boxSettings.platformSettings.id).toBeUndefined();
});

test('the preview is scoped like the draft: another village’s clerk gets a 403, the reviewers of its village see it', async () => {
  const { id } = await draftNotice();
  const other = readSample('district.json').streets[1].villages[0].code as string;
  const created = await call(running, 'POST', '/api/operators', running.tokens.admin.token, {
    name: '另一村的文书',
    role: 'clerk',
    region: other,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const outsider = await get(`/console/preview/feed/${id}/manifest.json`, cookieFor(created.body.operator.id));
  expect(outsider.status).toBe(403);
  expect(JSON.parse(outsider.text).error).toEqual({
    zh: '您没有这项操作的权限',
    en: 'You are not allowed to do this here',
  });
  expect(outsider.headers['cache-control']).toBe('no-store');
  for (const role of ['committee', 'street', 'admin'])
    expect((await get(`/console/preview/feed/${id}/manifest.json`, cookieFor(operatorId(role)))).status, role).toBe(
      200,
    );
  // No such draft, or one already published: nothing to preview.
  const cookie = cookieFor(operatorId('clerk'));
  expect((await get('/console/preview/feed/999999/manifest.json', cookie)).status).toBe(404);
  expect((await get('/console/preview/feed/abc/manifest.json', cookie)).status).toBe(404);
});

test('building a preview stores nothing: no version, the draft and other approved changes as they were', async () => {
  const db = running.service.db;
  const { id } = await draftNotice();
  const { token, region } = running.tokens.clerk;
  const other = await call(running, 'PUT', `/api/regions/${region}/channels/${NOTICES}/items/preview-2`, token, {
    title: '另一份已批准的通知',
    body: ['这一份已经批准，等待发布。'],
  });
  expect(
    (await call(running, 'POST', `/api/drafts/${other.body.id}/approve`, running.tokens.committee.token)).status,
  ).toBe(200);
  const versions = db.prepare('SELECT count(*) FROM versions').pluck().get();
  const statuses = () => db.prepare('SELECT id, status FROM revisions ORDER BY id').all();
  const before = statuses();
  const manifest = JSON.parse(
    (await get(`/console/preview/feed/${id}/manifest.json`, cookieFor(operatorId('clerk')))).text,
  ) as Manifest;
  expect(db.prepare('SELECT count(*) FROM versions').pluck().get()).toBe(versions);
  expect(statuses()).toEqual(before);
  // The preview shows this draft alone on top of what is published, not the other approved one.
  expect(manifest.version).toBe(running.service.publisher.currentVersion + 1);
});

test('the preview app is the TV bundle, framed by the console only', async () => {
  const page = await get('/console/preview/tv/');
  expect(page.status).toBe(200);
  expect(page.text).toContain('window.sanwuBootShown');
  expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
  expect(String(page.headers['content-security-policy'])).toContain("frame-ancestors 'self'");
  // A real box's page may not be framed at all.
  expect((await get('/')).headers['x-frame-options']).toBe('DENY');
  expect((await get('/console/preview/tv/app.js')).status).toBe(200);
  // Not the console's files, nor the box settings, through the preview's path.
  expect((await get('/console/preview/tv/console/console.js')).status).toBe(404);
});
