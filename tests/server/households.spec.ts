/**
 * Binding boxes to households, in this process (inject): a box's signed requests and every
 * refusal (unsigned, bad signature, replayed, out of window, oversized, unbound, revoked), each
 * storing nothing; a clerk binds only in their own village; the bound box's files are sealed to
 * it, and an unbound or revoked box finds none; an export carries them, sealed.
 */
import { test, expect } from '@playwright/test';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { privateIndexPath } from '../../src/household/boxKeys';
import { utf8Text } from '../../src/household/bytes';
import { isHouseholdPage, type PrivateIndex } from '../../src/household/pages';
import { indexSignatureHolds, sealedObjectPath } from '../../src/household/privateFiles';
import { openSealed } from '../../src/household/sealed';
import { MAX_BOX_REQUEST_BYTES } from '../../src/household/signedRequest';
import { exportFeed } from '../../server/cli/export';
import { resealDue } from '../../server/household/sealing';
import { call, startInProcess, type InProcessService } from './inProcess';
import { TestBox } from './testBox';

let service: InProcessService;
test.beforeAll(async () => {
  service = await startInProcess();
});
test.afterAll(async () => service.stop());

const count = (table: string) => service.service.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const stored = () => ({ boxes: count('boxes'), nonces: count('box_nonces'), codes: count('pairing_codes') });

const bind = (token: string, code: string, household: string) =>
  call(service, 'POST', '/api/households/bind', token, { code, household });

test('a box registers its keys with a signed request and is given a 6-digit pairing code, the same until it expires', async () => {
  const box = new TestBox(service);
  const first = await box.register('STB-0001');
  expect(first.status, JSON.stringify(first.body)).toBe(200);
  expect(first.body).toMatchObject({ box: box.id, bound: false });
  expect(first.body.code).toMatch(/^[0-9]{6}$/);
  expect(Date.parse(first.body.expiresAt) - Date.now()).toBeGreaterThan(29 * 60_000);
  const again = await box.register('STB-0001');
  expect(again.body.code).toBe(first.body.code);
  const row = service.service.db.prepare('SELECT device_id FROM boxes WHERE id = ?').pluck().get(box.id);
  expect(row).toBe('STB-0001');
});

test('unsigned, forged, replayed, out-of-window and oversized requests are refused with a 4xx and store nothing', async () => {
  const box = new TestBox(service);
  const before = stored();
  const unsigned = await box.postRaw('/box/register', box.registration(), {});
  expect(unsigned.status).toBe(401);
  expect(unsigned.body.error.en).toContain('not signed');

  const other = new TestBox(service);
  // Signed by another key than the one registered: the signature does not hold.
  const forged = await box.post('/box/register', box.registration(), {
    headers: { 'x-sanwu-signature': other.signed('/box/register', box.registration())['x-sanwu-signature']! },
  });
  expect(forged.status).toBe(401);
  expect(forged.body.error.zh).toContain('签名无效');
  // A body altered after signing.
  const signed = box.signed('/box/register', box.registration());
  const altered = await box.postRaw('/box/register', box.registration('STB-evil'), signed);
  expect(altered.status).toBe(401);
  // Another box's key under this box's id.
  const wrongKey = await box.post('/box/register', other.registration());
  expect(wrongKey.status).toBe(401);
  expect(wrongKey.body.error.en).toContain('does not match');

  const late = await box.register();
  expect(late.status).toBe(200);
  const afterOne = stored();
  const stale = await box.post('/box/register', box.registration(), { time: Date.now() - 6 * 60_000 });
  expect(stale.status).toBe(401);
  expect(stale.body.error.en).toContain('more than 5 minutes');
  const future = await box.post('/box/register', box.registration(), { time: Date.now() + 6 * 60_000 });
  expect(future.status).toBe(401);

  const replay = await box.postRaw('/box/register', box.registration(), late.headers);
  expect(replay.status).toBe(409);
  expect(replay.body.error.en).toContain('replayed');

  const huge = await box.post('/box/register', JSON.stringify({ pad: 'x'.repeat(MAX_BOX_REQUEST_BYTES) }));
  expect(huge.status).toBe(413);
  expect(huge.body.error.zh).toBeTruthy();
  expect(stored()).toEqual(afterOne);
  expect(afterOne.boxes).toBe(before.boxes + 1);
});

test('an unbound box is refused its binding; a clerk binds it only in their own village; a forged household is refused', async () => {
  const { clerk, admin } = service.tokens;
  const box = new TestBox(service);
  const { code } = (await box.register()).body;
  const refused = await box.post('/box/binding', '');
  expect(refused.status).toBe(403);
  expect(refused.body.error.en).toContain('not bound');
  expect((await box.index()).status).toBe(404);

  const audit = count('audit_log');
  const otherVillage = await bind(clerk.token, code, '370703002001-h001');
  expect(otherVillage.status).toBe(403);
  const forged = await bind(clerk.token, code, `${clerk.region}-h999`);
  expect(forged.status).toBe(404);
  expect(forged.body.error.zh).toContain('没有编号为');
  const wrongCode = await bind(clerk.token, code === '000000' ? '000001' : '000000', `${clerk.region}-h001`);
  expect(wrongCode.status).toBe(404);
  expect(count('bindings')).toBe(0);
  expect(count('audit_log')).toBe(audit);
  expect(
    (await call(service, 'POST', '/api/households/bind', admin.token, { code: '12', household: 'x' })).status,
  ).toBe(400);

  const bound = await bind(clerk.token, code, `${clerk.region}-h001`);
  expect(bound.status, JSON.stringify(bound.body)).toBe(201);
  expect(bound.body).toMatchObject({ box: box.id, household: `${clerk.region}-h001`, village: clerk.region });
  expect(count('audit_log')).toBe(audit + 1);
  // The code is spent: a second bind with it finds nothing.
  expect((await bind(clerk.token, code, `${clerk.region}-h002`)).status).toBe(404);
  const binding = await box.post('/box/binding', '');
  expect(binding.status).toBe(200);
  expect(binding.body.index).toBe(privateIndexPath(box.keys.sign.publicKey));
  expect((await box.register()).body).toEqual({ box: box.id, bound: true });
  const listed = await call(service, 'GET', `/api/households?village=${clerk.region}`, clerk.token);
  expect(listed.body.find((h: { id: string }) => h.id === `${clerk.region}-h001`).boxes).toEqual([box.id]);
  expect((await call(service, 'GET', '/api/households?village=370703002001', clerk.token)).status).toBe(403);
});

test('the bound box alone opens its pages; the index is signed and names no household; unbinding and revoking take them away', async () => {
  const { clerk } = service.tokens;
  const household = `${clerk.region}-h002`;
  const box = await new TestBox(service).setUp(household);
  const stranger = new TestBox(service);
  await stranger.register();

  const { status, index } = await box.index();
  expect(status).toBe(200);
  expect(indexSignatureHolds(index!, service.service.key.publicKeyBase64)).toBe(true);
  expect(
    indexSignatureHolds({ ...index!, until: '2099-01-01T00:00:00+08:00' }, service.service.key.publicKeyBase64),
  ).toBe(false);
  expect(Object.keys(index!.files).sort()).toEqual(['21', '22', '23', '24', '25']);
  expect(JSON.stringify(index)).not.toContain(household);
  expect((await stranger.index()).status).toBe(404);

  const object = await box.feedFile(sealedObjectPath(index!.files['23']!.sha256));
  expect(object.status).toBe(200);
  const sealed = new Uint8Array(object.bytes);
  expect(object.bytes.toString('latin1')).not.toContain('relation');
  expect(openSealed(sealed, stranger.keys.seal.secretKey)).toBeNull();
  const page = JSON.parse(utf8Text(openSealed(sealed, box.keys.seal.secretKey)!));
  expect(isHouseholdPage(page)).toBe(true);
  const expected = service.service.db
    .prepare('SELECT body FROM household_pages WHERE household = ? AND channel = 23')
    .pluck()
    .get(household) as string;
  expect(page).toEqual(JSON.parse(expected));

  expect((await call(service, 'POST', `/api/boxes/${box.id}/unbind`, clerk.token)).status).toBe(200);
  expect((await box.index()).status).toBe(404);
  const gone = await box.feedFile(sealedObjectPath(index!.files['23']!.sha256));
  expect(gone.status).toBe(404);
  expect((await box.post('/box/binding', '')).status).toBe(403);
  // Rebinding: a fresh code, to another household of the village.
  const code = (await box.register()).body.code;
  expect((await bind(clerk.token, code, `${clerk.region}-h003`)).status).toBe(201);
  expect((await box.index()).status).toBe(200);

  expect((await call(service, 'POST', `/api/boxes/${box.id}/revoke`, clerk.token)).status).toBe(200);
  expect((await box.index()).status).toBe(404);
  const nonces = count('box_nonces');
  const revoked = await box.register();
  expect(revoked.status).toBe(403);
  expect(revoked.body.error.en).toContain('revoked');
  expect((await box.post('/box/binding', '')).status).toBe(403);
  expect(count('box_nonces')).toBe(nonces);
  const actions = service.service.db
    .prepare(`SELECT action FROM audit_log WHERE target = ? ORDER BY seq`)
    .pluck()
    .all(`box ${box.id}`);
  expect(actions).toEqual(['bind box', 'unbind box', 'bind box', 'revoke box']);
});

test("an export carries the bound box's sealed files for a static server, none readable there, and drops them once the box is unbound", async () => {
  const { clerk } = service.tokens;
  const household = `${clerk.region}-h004`;
  const box = await new TestBox(service).setUp(household);
  const out = mkdtempSync(join(tmpdir(), 'sanwu-export-'));
  try {
    exportFeed(service.service.dataDir, out);
    const indexFile = join(out, privateIndexPath(box.keys.sign.publicKey));
    const index = JSON.parse(readFileSync(indexFile, 'utf8')) as PrivateIndex;
    expect(indexSignatureHolds(index, service.service.key.publicKeyBase64)).toBe(true);
    const sealed = new Uint8Array(readFileSync(join(out, sealedObjectPath(index.files['23']!.sha256))));
    const expected = service.service.db
      .prepare('SELECT body FROM household_pages WHERE household = ? AND channel = 23')
      .pluck()
      .get(household) as string;
    expect(JSON.parse(utf8Text(openSealed(sealed, box.keys.seal.secretKey)!))).toEqual(JSON.parse(expected));
    // Nothing in the exported folder names the household or shows its head or any text of its pages.
    const head = service.service.db
      .prepare('SELECT head FROM households WHERE id = ?')
      .pluck()
      .get(household) as string;
    const secrets = [household, head, ...(expected.match(/[\u4e00-\u9fff]{4,}/g) ?? []).slice(0, 20)];
    // (media/ holds the public sample's photos and receipts, published as they are.)
    const exported = readdirSync(out, { recursive: true, withFileTypes: true }).filter(
      (e) => e.isFile() && !e.parentPath.startsWith(join(out, 'media')),
    );
    expect(exported.length).toBeGreaterThan(Object.keys(index.files).length);
    for (const entry of exported) {
      const text = readFileSync(join(entry.parentPath, entry.name)).toString('utf8');
      for (const secret of secrets) expect(text.includes(secret), `${entry.name} shows "${secret}"`).toBe(false);
    }

    expect((await call(service, 'POST', `/api/boxes/${box.id}/unbind`, clerk.token)).status).toBe(200);
    exportFeed(service.service.dataDir, out);
    expect(existsSync(indexFile), "the unbound box's index is gone from the export").toBe(false);
    expect(existsSync(join(out, sealedObjectPath(index.files['23']!.sha256)))).toBe(false);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('a bound box is sealed for again before its pages expire, and its until moves on', async () => {
  const { clerk } = service.tokens;
  const box = await new TestBox(service).setUp(`${clerk.region}-h004`);
  const before = (await box.index()).index!;
  expect(resealDue(service.service)).toBe(0);
  const later = Date.now() + 20 * 86_400_000;
  expect(resealDue(service.service, later)).toBeGreaterThanOrEqual(1);
  const after = (await box.index()).index!;
  expect(Date.parse(after.until)).toBeGreaterThan(Date.parse(before.until));
  expect(after.files['21']!.sha256).not.toBe(before.files['21']!.sha256);
  expect(indexSignatureHolds(after, service.service.key.publicKeyBase64)).toBe(true);
});
