/**
 * The box's view of the feed: the district, its street and its village, plus ledger
 * months when opened. It only ever swaps in a complete, checked set of files: a
 * refresh that fails in any way keeps the last good content on screen.
 */
import type { FileEntries, FileEntry, Manifest } from '../../feed/manifest';
import { feedPaths } from '../../feed/paths';
import type { Alert, Channel, DistrictFeed, LedgerMonthFeed, StreetFeed, VillageFeed } from '../../feed/schema';
import { ALERTS_CHANNEL, channelSpec } from '../../feed/taxonomy';
import { highestVersion, readCache, rememberVersion, writeCache, type CachedFeed } from '../sync/offlineCache';
import { textSha256 } from '../sync/verify';
import { FeedClient, FeedError, parseFile } from './feedClient';
import { checkDistrict, checkIndex, checkLedgerMonth, checkStreet, checkVillage, isManifest } from './feedCheck';

export interface BoxFeeds {
  district: DistrictFeed;
  street: StreetFeed;
  village: VillageFeed;
}

/** Why the box is not showing fresh content, if it is not. */
export type FeedHealth = { kind: 'ok' } | { kind: 'offline'; since: number } | { kind: 'rejected'; reason: string } | { kind: 'untrustedKey' } | { kind: 'stale'; expiresAt: string };

/** The longest the box waits for an idle moment to save the last good feed. */
const PERSIST_WITHIN_MS = 2_000;

/** Months kept in memory: enough to go back and forth, bounded for a 1 GB box. */
const LEDGER_MONTHS_KEPT = 3;

interface Snapshot {
  manifest: Manifest;
  etag: string | null;
  /** Every entry the box can reach: the root's, its street index's and its village index's. */
  entries: FileEntries;
  feeds: BoxFeeds;
  /** Texts of the files held, indexes included, by logical path. */
  texts: Record<string, string>;
}

export class Store {
  private current: Snapshot | null = null;
  private readonly months = new Map<string, LedgerMonthFeed>();
  private districtOnly: DistrictFeed | null = null;
  private loading: Promise<BoxFeeds> | null = null;
  private persistPending = false;
  private lastContact = 0;
  health: FeedHealth = { kind: 'ok' };
  /** Seconds to the next poll, as the publisher asks. */
  pollSeconds = 60;
  /** Items new or changed in the last update, by id: shown with a mark. */
  freshItems = new Set<string>();

  constructor(
    readonly client: FeedClient,
    private villageCode: string | null,
    /** Settled once the box can show feed text in its script (see script.ts). */
    private readonly scriptReady: Promise<unknown> = Promise.resolve(),
  ) {}

  get village(): string | null {
    return this.villageCode;
  }

  get manifest(): Manifest | null {
    return this.current?.manifest ?? null;
  }

  setVillage(code: string): void {
    if (code !== this.villageCode) {
      this.villageCode = code;
      this.current = null;
      this.loading = null;
      this.months.clear();
    }
  }

  /** The district file alone: enough for the first-run picker. */
  async district(): Promise<DistrictFeed> {
    if (this.current) return this.current.feeds.district;
    await this.scriptReady;
    if (!this.districtOnly) {
      const answer = await this.client.fetchManifest(null);
      if (!answer.changed) throw new FeedError('unreachable', 'manifest');
      this.districtOnly = (await this.client.fetchFile(feedPaths.district(), answer.manifest.files[feedPaths.district()], checkDistrict)).value;
    }
    return this.districtOnly;
  }

  /**
   * The box's files: from the network, or else the last good copy kept on the box. Callers
   * while a load is under way share it (boot starts one before home asks); after a failure
   * the next call tries again.
   */
  load(): Promise<BoxFeeds> {
    if (this.current) return Promise.resolve(this.current.feeds);
    if (!this.loading) {
      const loading = this.loadOnce();
      this.loading = loading;
      const settle = () => {
        if (this.loading === loading) this.loading = null;
      };
      loading.then(settle, settle);
    }
    return this.loading;
  }

  private async loadOnce(): Promise<BoxFeeds> {
    await this.scriptReady;
    try {
      await this.refresh();
    } catch (error) {
      if (!(await this.restoreFromCache())) throw error;
      this.health = this.failureHealth(error);
    }
    return this.current!.feeds;
  }

  /**
   * Polls once: if the manifest changed, fetches and checks the changed files the box
   * shows and swaps them in together. Returns the logical paths that changed.
   */
  async refresh(): Promise<string[]> {
    try {
      return await this.fetchAndSwap();
    } catch (error) {
      // The last good content stays; the health says why nothing newer is shown.
      if (this.current) this.health = this.failureHealth(error);
      throw error;
    }
  }

  private failureHealth(error: unknown): FeedHealth {
    if (!(error instanceof FeedError) || error.kind === 'unreachable') return { kind: 'offline', since: this.lastContact };
    return error.kind === 'untrustedKey' ? { kind: 'untrustedKey' } : { kind: 'rejected', reason: error.message };
  }

  private async fetchAndSwap(): Promise<string[]> {
    const village = this.villageCode;
    if (!village) throw new FeedError('notFound', 'village');
    const answer = await this.client.fetchUncheckedManifest(this.current?.etag ?? null);
    this.lastContact = Date.now();
    if (!answer.changed) {
      if (answer.pollSeconds) this.pollSeconds = answer.pollSeconds;
      this.health = this.expiryHealth(this.current!.manifest);
      return [];
    }
    const { manifest, etag } = answer;
    // The branch is read while the signature is checked (in a worker where the box has them),
    // so that its round trips overlap the check; nothing it reads is used unless the signature holds.
    const branch = this.readBranch(
      manifest,
      village,
      (path, entry) => this.file(path, entry),
      (reachable) => [...this.months.keys()].map((m) => feedPaths.ledgerMonth(village, m)).filter((p) => reachable[p]),
    );
    branch.catch(() => undefined);
    await this.client.checkSignature(manifest);
    const floor = Math.max(highestVersion(), this.current?.manifest.version ?? 0);
    if (manifest.version < floor) throw new FeedError('rejected', 'manifest', [{ path: '/version', message: `older than ${floor}` }]);
    // Only a manifest that passed every check may set how often the box polls.
    const pollSeconds = answer.pollSeconds;
    const previous = this.current;
    const { entries, feeds, texts } = await branch;
    const changed = Object.keys(texts).filter((p) => !p.endsWith('/index.json') && previous?.entries[p]?.sha256 !== entries[p]?.sha256);
    for (const path of changed.filter((p) => p.includes('/ledger/'))) {
      this.months.set(path.slice(-12, -5), parseFile(path, texts[path]!, checkLedgerMonth));
    }
    this.freshItems = previous ? freshItemIds(previous.feeds, feeds) : new Set();
    this.current = { manifest, etag, entries, feeds, texts };
    if (pollSeconds) this.pollSeconds = pollSeconds;
    rememberVersion(manifest.version);
    this.health = this.expiryHealth(manifest);
    this.persistSoon();
    return previous ? changed : [];
  }

  /**
   * Down the manifest's tree to the box's own village: the district, its street's index, the
   * village's index, then the street and village files and the ledger months `ledgerPaths`
   * picks. `read` gives a file's text for its entry, checked against it.
   */
  private async readBranch(
    manifest: Manifest,
    village: string,
    read: (path: string, entry: FileEntry | undefined) => Promise<string>,
    ledgerPaths: (entries: FileEntries) => string[],
  ): Promise<{ entries: FileEntries; feeds: BoxFeeds; texts: Record<string, string> }> {
    const entries: FileEntries = { ...manifest.files };
    const texts: Record<string, string> = {};
    const text = async (path: string): Promise<string> => (texts[path] = await read(path, entries[path]));
    const index = async (path: string) => Object.assign(entries, parseFile(path, await text(path), checkIndex).files);
    const district = parseFile(feedPaths.district(), await text(feedPaths.district()), checkDistrict);
    const street = streetOf(district, village);
    await index(feedPaths.streetIndex(street));
    await Promise.all([index(feedPaths.villageIndex(village)), text(feedPaths.street(street))]);
    await Promise.all([feedPaths.village(village), ...ledgerPaths(entries)].map(text));
    const feeds: BoxFeeds = {
      district,
      street: parseFile(feedPaths.street(street), texts[feedPaths.street(street)]!, checkStreet),
      village: parseFile(feedPaths.village(village), texts[feedPaths.village(village)]!, checkVillage),
    };
    return { entries, feeds, texts };
  }

  /** Reuses an unchanged file already held; fetches (and hash-checks) it otherwise. Parsed once, by the caller. */
  private async file(path: string, entry: FileEntry | undefined): Promise<string> {
    const held = this.current?.texts[path];
    if (held !== undefined && this.current!.entries[path]?.sha256 === entry?.sha256) return held;
    return this.client.fetchText(path, entry);
  }

  private expiryHealth(manifest: Manifest): FeedHealth {
    return Date.parse(manifest.expiresAt) < Date.now() ? { kind: 'stale', expiresAt: manifest.expiresAt } : { kind: 'ok' };
  }

  /**
   * Saves the last good feed once the box is idle: done at once, it held home back by about
   * 100 ms at boot on a slow box. Several changes in a row are saved once.
   */
  private persistSoon(): void {
    if (this.persistPending) return;
    this.persistPending = true;
    const run = () => {
      this.persistPending = false;
      this.persist();
    };
    const idle = (window as { requestIdleCallback?: (callback: () => void, options: { timeout: number }) => number }).requestIdleCallback;
    if (idle) idle(run, { timeout: PERSIST_WITHIN_MS });
    else setTimeout(run, PERSIST_WITHIN_MS / 4);
  }

  private persist(): void {
    if (!this.current) return;
    writeCache({ manifest: this.current.manifest, etag: this.current.etag, fetchedAt: this.lastContact, files: this.current.texts });
  }

  /**
   * The last good feed kept on the box, believed only as far as it checks out: the manifest's
   * signature, and down the tree each text's hash against its entry.
   */
  private async restoreFromCache(): Promise<boolean> {
    const cached: CachedFeed | null = readCache();
    const village = this.villageCode;
    if (!cached || !village || !isManifest(cached.manifest) || !(await this.client.isSigned(cached.manifest))) return false;
    const checked = async (path: string, entry: FileEntry | undefined): Promise<string> => {
      const value = cached.files[path];
      if (value === undefined || textSha256(value) !== entry?.sha256) throw new FeedError('rejected', path);
      return value;
    };
    try {
      const { entries, feeds, texts } = await this.readBranch(cached.manifest, village, checked, (reachable) =>
        Object.keys(cached.files).filter((p) => p.includes('/ledger/') && reachable[p]),
      );
      for (const path of Object.keys(texts).filter((p) => p.includes('/ledger/'))) this.months.set(path.slice(-12, -5), parseFile(path, texts[path]!, checkLedgerMonth));
      this.current = { manifest: cached.manifest, etag: null, entries, feeds, texts };
      this.lastContact = cached.fetchedAt;
      return true;
    } catch {
      this.months.clear();
      return false;
    }
  }

  channel(id: number): Channel | undefined {
    const feeds = this.current?.feeds;
    if (!feeds) return undefined;
    const section = channelSpec(id).section;
    const file = section === 'district' ? feeds.district : section === 'street' ? feeds.street : section === 'village' ? feeds.village : null;
    return file?.channels.find((c) => c.id === id);
  }

  /** Alerts still in force, most severe first. */
  activeAlerts(now: number): Alert[] {
    const channel = this.channel(ALERTS_CHANNEL);
    if (channel?.kind !== 'alerts') return [];
    return channel.content.filter((a) => Date.parse(a.expiresAt) > now).sort((a, b) => a.level - b.level);
  }

  async ledgerMonth(month: string): Promise<LedgerMonthFeed> {
    const cached = this.months.get(month);
    if (cached) return cached;
    const village = this.villageCode;
    const current = this.current;
    if (!village || !current) throw new FeedError('notFound', 'village');
    const path = feedPaths.ledgerMonth(village, month);
    const { value, text } = await this.client.fetchFile(path, current.entries[path], checkLedgerMonth);
    this.months.set(month, value);
    current.texts[path] = text;
    if (this.months.size > LEDGER_MONTHS_KEPT) {
      const oldest = this.months.keys().next().value;
      if (oldest !== undefined) {
        this.months.delete(oldest);
        delete current.texts[feedPaths.ledgerMonth(village, oldest)];
      }
    }
    this.persistSoon();
    return value;
  }
}

/** The street a village belongs to, as the district lists them. */
const streetOf = (district: DistrictFeed, village: string): string => {
  const street = district.streets.find((s) => s.villages.some((v) => v.code === village))?.code;
  if (!street) throw new FeedError('notFound', feedPaths.village(village));
  return street;
};

/** Ids of items that are new, or of a higher version, in `next` than in `previous`. */
const freshItemIds = (previous: BoxFeeds, next: BoxFeeds): Set<string> => {
  const versions = (feeds: BoxFeeds) => {
    const map = new Map<string, number>();
    for (const file of [feeds.district, feeds.street, feeds.village]) {
      for (const channel of file.channels) {
        if (Array.isArray(channel.content)) for (const item of channel.content as { id?: string; version?: number }[]) if (item.id) map.set(item.id, item.version ?? 1);
      }
    }
    return map;
  };
  const before = versions(previous);
  const fresh = new Set<string>();
  for (const [id, version] of versions(next)) if ((before.get(id) ?? 0) < version) fresh.add(id);
  return fresh;
};
