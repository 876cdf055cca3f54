/**
 * The last good feed, kept on the box so that it boots without network. Stored in
 * localStorage through the SDK, within a budget of 3 MB (browsers allow about 5 MB
 * per origin): the manifest and the text of the files the box shows. What it reads
 * back is checked again (signature and hashes) before it is shown.
 */
import { Storage } from '@lightningjs/sdk';
import type { Manifest } from '../../feed/manifest';

const KEY = 'lastGoodFeed';
const HIGHEST_VERSION_KEY = 'highestVersion';
export const CACHE_BUDGET_CHARS = 1_500_000; // UTF-16: about 3 MB

export interface CachedFeed {
  manifest: Manifest;
  etag: string | null;
  /** When the box last heard from the publisher (epoch ms). */
  fetchedAt: number;
  files: Record<string, string>;
}

export const readCache = (): CachedFeed | null => {
  const value: unknown = Storage.get(KEY);
  return value && typeof value === 'object' && 'manifest' in value ? (value as CachedFeed) : null;
};

/** Saves the feed, dropping ledger months (oldest first) until it fits the budget. */
export const writeCache = (feed: CachedFeed): void => {
  const files = { ...feed.files };
  const size = () => Object.values(files).reduce((total, text) => total + text.length, 0);
  const months = Object.keys(files)
    .filter((p) => p.includes('/ledger/'))
    .sort();
  while (size() > CACHE_BUDGET_CHARS && months.length) delete files[months.shift()!];
  try {
    Storage.set(KEY, { ...feed, files });
  } catch {
    // A full store keeps the previous copy: better an older feed than none.
  }
};

/** The highest version this box has ever accepted: it never goes back below it. */
export const highestVersion = (): number => Number(Storage.get(HIGHEST_VERSION_KEY)) || 0;

export const rememberVersion = (version: number): void => {
  if (version > highestVersion()) Storage.set(HIGHEST_VERSION_KEY, version);
};
