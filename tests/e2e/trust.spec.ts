/**
 * The box's trust anchor: settings.json comes over the same wire as the feed, so a forger who
 * can alter one can alter both. A box keeps to the first key it trusted.
 */
import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import nacl from 'tweetnacl';
import canonicalize from 'canonicalize';
import zhHans from '../../src/i18n/zh-Hans.json' with { type: 'json' };
import type { FeedIndex, FileEntry, Manifest } from '../../src/feed/manifest';
import { servedEntries } from '../feedTree';
import { expectNoText, expectText, keepScreenshot, openHome, sample, withPlatformSettings } from './tv';

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

test('settings.json with a forged key and a feed signed by it: the box keeps its genuine content and says so', async ({
  page,
}, testInfo) => {
  const { villageCode, village } = sample();
  await openHome(page);
  // The box has trusted the genuine key and saved its last good feed.
  await page.waitForFunction(() =>
    ['feedKey', 'lastGoodFeed'].every((name) => Object.keys(localStorage).some((key) => key.endsWith(name))),
  );

  // A forger's tree: the village renamed, each index up to a new manifest re-hashed, signed by the forger's key.
  const text = async (path: string) => (await page.request.get(path)).text();
  const entries = await servedEntries(async (path) => JSON.parse(await text(path)));
  const object = (path: string) => text(`/feed/objects/${entries[path]!.sha256}.json`);
  const forgedObjects = new Map<string, string>();
  const add = (body: string): FileEntry => {
    const sha256 = createHash('sha256').update(body).digest('hex');
    forgedObjects.set(sha256, body);
    return { sha256, bytes: Buffer.byteLength(body) };
  };
  const villagePath = `villages/${villageCode}.json`;
  const villageIndexPath = `villages/${villageCode}/index.json`;
  const streetIndexPath = `streets/${village.street}/index.json`;
  const villageIndex = JSON.parse(await object(villageIndexPath)) as FeedIndex;
  villageIndex.files[villagePath] = add((await object(villagePath)).split(village.region.name).join('篡改村'));
  const streetIndex = JSON.parse(await object(streetIndexPath)) as FeedIndex;
  streetIndex.files[villageIndexPath] = add(JSON.stringify(villageIndex));
  const { signature: _genuine, ...manifest } = JSON.parse(await text('/feed/manifest.json')) as Manifest;
  manifest.files[streetIndexPath] = add(JSON.stringify(streetIndex));
  manifest.version += 1;
  const forger = nacl.sign.keyPair();
  const forged: Manifest = {
    ...manifest,
    signature: base64(nacl.sign.detached(Buffer.from(canonicalize(manifest) ?? ''), forger.secretKey)),
  };

  await withPlatformSettings(page, { feedPublicKey: base64(forger.publicKey) });
  await page.route('**/feed/manifest.json', (route) =>
    route.fulfill({ json: forged, headers: { etag: '"forged"', 'cache-control': 'no-cache' } }),
  );
  await page.route('**/feed/objects/*.json*', (route) => {
    const body = forgedObjects.get(/objects\/([0-9a-f]{64})\.json/.exec(route.request().url())?.[1] ?? '');
    return body ? route.fulfill({ body, contentType: 'application/json' }) : route.continue();
  });
  await page.reload();
  await expect(page.locator('[ref="Tab-village"]')).toBeVisible();
  await expectText(page, zhHans['status.untrustedKey']);
  await expectText(page, village.region.name);
  await expectNoText(page, '篡改村');
  await keepScreenshot(page, testInfo, 'untrusted-key');
});
