/**
 * The box's store with a fake feed client: the real store, checks, offline cache and SDK
 * Storage (over an in-memory localStorage), fed the committed sample feed under manifests and
 * indexes built here. The client answers as the network would, or not at all (offline), and
 * can hold back or refuse a file.
 */
import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FileEntry, Manifest } from '../../src/feed/manifest';
import { feedPaths, MANIFEST_FILE } from '../../src/feed/paths';
import type { DistrictFeed, StreetFeed, VillageFeed } from '../../src/feed/schema';
import type { Validated } from '../../src/feed/validate';
import { SCHEMA_VERSION } from '../../src/feed/version';
import type * as FeedClientModule from '../../src/tv/data/feedClient';
import type * as StoreModule from '../../src/tv/data/store';
import { forgetBrowser, loadWithSdk } from './sdkInNode';

const FEED = fileURLToPath(new URL('../../static/feed/', import.meta.url));
const sample = <T>(path: string): T => JSON.parse(readFileSync(FEED + path, 'utf8')) as T;
const district = sample<DistrictFeed>(feedPaths.district());
const STREET = district.streets[0]!.code;
const VILLAGE = district.streets[0]!.villages[0]!.code;
const STREET_FILE = feedPaths.street(STREET);
const VILLAGE_FILE = feedPaths.village(VILLAGE);

// The box's modules import the SDK: loaded once it can be (see sdkInNode).
let feedClient: typeof FeedClientModule;
let storeModule: typeof StoreModule;
let storage: {
  clear(): void;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  key(index: number): string | null;
  length: number;
};
/** Work the store leaves for an idle moment (saving the feed), run when the test says. */
let idle: (() => void)[] = [];
const runIdle = () => idle.splice(0).forEach((work) => work());

test.beforeAll(async () => {
  const loaded = await loadWithSdk(async () => ({
    client: await import('../../src/tv/data/feedClient'),
    store: await import('../../src/tv/data/store'),
  }));
  ({ client: feedClient, store: storeModule } = loaded.modules);
  storage = loaded.localStorage;
  (globalThis as unknown as { requestIdleCallback?: (work: () => void) => void }).requestIdleCallback = (work) =>
    void idle.push(work);
});

test.afterAll(() => {
  forgetBrowser();
  delete (globalThis as unknown as { requestIdleCallback?: unknown }).requestIdleCallback;
});

test.beforeEach(() => {
  // Each test is a new box: nothing remembered.
  storage.clear();
  idle = [];
});

interface Edits {
  street?: (street: StreetFeed) => void;
  village?: (village: VillageFeed) => void;
}

interface Published {
  manifest: Manifest;
  objects: Map<string, string>;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A version of the feed as the publisher writes it: the sample's files with `edits`, under indexes and a manifest. */
const publish = (version: number, edits: Edits = {}): Published => {
  const objects = new Map<string, string>();
  const put = (value: unknown): FileEntry => {
    const text = JSON.stringify(value);
    objects.set(sha256(text), text);
    return { sha256: sha256(text), bytes: Buffer.byteLength(text) };
  };
  const street = sample<StreetFeed>(STREET_FILE);
  edits.street?.(street);
  const village = sample<VillageFeed>(VILLAGE_FILE);
  edits.village?.(village);
  const villageIndex = {
    schemaVersion: SCHEMA_VERSION,
    kind: 'index',
    region: VILLAGE,
    files: { [VILLAGE_FILE]: put(village) },
  };
  const streetIndex = {
    schemaVersion: SCHEMA_VERSION,
    kind: 'index',
    region: STREET,
    files: { [STREET_FILE]: put(street), [feedPaths.villageIndex(VILLAGE)]: put(villageIndex) },
  };
  const manifest: Manifest = {
    schemaVersion: SCHEMA_VERSION,
    version,
    publishedAt: '2026-11-20T09:00:00+08:00',
    expiresAt: '2099-11-20T09:00:00+08:00',
    auditHead: 'a'.repeat(64),
    files: { [feedPaths.district()]: put(district), [feedPaths.streetIndex(STREET)]: put(streetIndex) },
  };
  return { manifest, objects };
};

/** The network as the box sees it, signatures always good (they have tests of their own). */
class FakeFeedClient {
  /** What the publisher serves; null while the box is offline. */
  private served: Published | null = null;
  private readonly objects = new Map<string, string>();
  /** Logical paths asked for, in order. */
  readonly asked: string[] = [];
  /** Files held back until released. */
  readonly held = new Map<string, Promise<void>>();
  /** Files that arrive altered, and so fail their hash. */
  readonly altered = new Set<string>();

  serve(published: Published | null): this {
    this.served = published;
    published?.objects.forEach((text, hash) => this.objects.set(hash, text));
    return this;
  }

  url(path: string): string {
    return path;
  }

  async fetchUncheckedManifest(etag: string | null): Promise<FeedClientModule.ManifestAnswer> {
    if (!this.served) throw new feedClient.FeedError('unreachable', MANIFEST_FILE);
    const tag = `"${this.served.manifest.version}"`;
    if (etag === tag) return { changed: false, pollSeconds: 60 };
    return { changed: true, manifest: structuredClone(this.served.manifest), etag: tag, pollSeconds: 60 };
  }

  fetchManifest(etag: string | null): Promise<FeedClientModule.ManifestAnswer> {
    return this.fetchUncheckedManifest(etag);
  }

  async checkSignature(): Promise<void> {}

  async isSigned(): Promise<boolean> {
    return true;
  }

  async fetchText(path: string, entry: FileEntry | undefined): Promise<string> {
    this.asked.push(path);
    await this.held.get(path);
    if (!this.served) throw new feedClient.FeedError('unreachable', path);
    const text = entry && this.objects.get(entry.sha256);
    if (text === undefined) throw new feedClient.FeedError('notFound', path);
    if (this.altered.has(path))
      throw new feedClient.FeedError('rejected', path, [{ path: '/', message: 'hash mismatch' }]);
    return text;
  }

  async fetchFile<T>(
    path: string,
    entry: FileEntry | undefined,
    validate: (data: unknown) => Validated<T>,
  ): Promise<{ value: T; text: string }> {
    const text = await this.fetchText(path, entry);
    return { value: feedClient.parseFile(path, text, validate), text };
  }
}

const boxWith = (client: FakeFeedClient) =>
  new storeModule.Store(client as unknown as FeedClientModule.FeedClient, VILLAGE);

/** What home shows of the two files a version changes: the street's name and the village's. */
const shown = async (store: StoreModule.Store) => {
  const feeds = await store.load();
  return { version: store.manifest?.version, street: feeds.street.region.name, village: feeds.village.region.name };
};

const renamed = (suffix: string): Edits => ({
  street: (street) => void (street.region.name += suffix),
  village: (village) => void (village.region.name += suffix),
});

const STREET_NAME = sample<StreetFeed>(STREET_FILE).region.name;
const VILLAGE_NAME = sample<VillageFeed>(VILLAGE_FILE).region.name;

test('version floor: an older manifest, even whole and signed, is refused; the box keeps the newer, after a restart too', async () => {
  const client = new FakeFeedClient().serve(publish(5, renamed('·五')));
  const box = boxWith(client);
  expect(await shown(box)).toEqual({ version: 5, street: `${STREET_NAME}·五`, village: `${VILLAGE_NAME}·五` });
  runIdle();

  client.serve(publish(4, renamed('·四')));
  await expect(box.refresh()).rejects.toMatchObject({
    kind: 'rejected',
    problems: [{ path: '/version', message: 'older than 5' }],
  });
  expect(box.health.kind).toBe('rejected');
  expect(await shown(box)).toEqual({ version: 5, street: `${STREET_NAME}·五`, village: `${VILLAGE_NAME}·五` });

  // Restarted, the box remembers the highest version it took: version 4 is refused again.
  const restarted = boxWith(client);
  expect(await shown(restarted)).toEqual({ version: 5, street: `${STREET_NAME}·五`, village: `${VILLAGE_NAME}·五` });
  expect(restarted.health.kind).toBe('rejected');

  // Version 4 itself is a good feed: a new box, that has never seen 5, takes it.
  storage.clear();
  expect(await shown(boxWith(client))).toEqual({
    version: 4,
    street: `${STREET_NAME}·四`,
    village: `${VILLAGE_NAME}·四`,
  });
});

test('cache restore: a box restarting offline shows the content it last had, and says since when it is offline', async () => {
  const client = new FakeFeedClient().serve(publish(5, renamed('·五')));
  const before = Date.now();
  const box = boxWith(client);
  const online = await shown(box);
  const channels = (await box.load()).village.channels;
  // Saved at the box's next idle moment, not while the first page is being drawn.
  expect(storage.length).toBe(1); // the highest version taken, so far
  runIdle();

  client.serve(null);
  const restarted = boxWith(client);
  expect(await shown(restarted)).toEqual(online);
  expect((await restarted.load()).village.channels).toEqual(channels);
  expect(restarted.health).toEqual({ kind: 'offline', since: expect.any(Number) });
  const since = (restarted.health as { since: number }).since;
  expect(since).toBeGreaterThanOrEqual(before);
  expect(since).toBeLessThanOrEqual(Date.now());
});

test('cache restore: with nothing kept, or a kept copy altered on the box, an offline box has nothing to show', async () => {
  const client = new FakeFeedClient().serve(null);
  await expect(boxWith(client).load()).rejects.toMatchObject({ kind: 'unreachable' });

  client.serve(publish(5));
  await boxWith(client).load();
  runIdle();
  // Someone edits the village's text in the box's storage.
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i)!;
    const value = storage.getItem(key)!;
    if (value.includes(VILLAGE_NAME)) storage.setItem(key, value.split(VILLAGE_NAME).join('别的村'));
  }
  client.serve(null);
  await expect(boxWith(client).load()).rejects.toMatchObject({ kind: 'unreachable' });
});

test('swap: a new version replaces the old one whole, never half, even while its files are arriving', async () => {
  const client = new FakeFeedClient().serve(publish(5, renamed('·五')));
  const box = boxWith(client);
  const five = await shown(box);

  // Version 6 changes the street's file and the village's; the village's arrives last.
  client.serve(publish(6, renamed('·六')));
  let release = () => undefined as void;
  client.held.set(VILLAGE_FILE, new Promise<void>((resolve) => (release = resolve)));
  const refreshing = box.refresh();
  while (!client.asked.includes(VILLAGE_FILE)) await new Promise((resolve) => setImmediate(resolve));
  // The street's new file is in hand, the village's not yet: the screen shows 5, all of it.
  expect(client.asked).toContain(STREET_FILE);
  expect(await shown(box)).toEqual(five);
  release();
  expect((await refreshing).sort()).toEqual([STREET_FILE, VILLAGE_FILE]);
  expect(await shown(box)).toEqual({ version: 6, street: `${STREET_NAME}·六`, village: `${VILLAGE_NAME}·六` });
});

test('swap: a version with one file refused is not taken at all, and is taken whole once that file comes right', async () => {
  const client = new FakeFeedClient().serve(publish(5, renamed('·五')));
  const box = boxWith(client);
  const five = await shown(box);

  client.serve(publish(6, renamed('·六')));
  client.altered.add(VILLAGE_FILE);
  await expect(box.refresh()).rejects.toMatchObject({ kind: 'rejected', path: VILLAGE_FILE });
  // The street's file of version 6 was fine, and still it is not shown without the village's.
  expect(await shown(box)).toEqual(five);
  expect(box.health.kind).toBe('rejected');

  client.altered.clear();
  await box.refresh();
  expect(await shown(box)).toEqual({ version: 6, street: `${STREET_NAME}·六`, village: `${VILLAGE_NAME}·六` });
  expect(box.health.kind).toBe('ok');
});
