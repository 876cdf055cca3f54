/**
 * Groups a version's files into the manifest's tree (src/feed/manifest.ts): each
 * village's files under its index, each street's file and village indexes under the
 * street's index, and the district's files and street indexes in the root. Index bytes
 * are deterministic, so an unchanged region keeps its index hash from version to version.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { objectPath, type FeedIndex, type FileEntries, type Manifest } from '../../src/feed/manifest';
import { feedPaths } from '../../src/feed/paths';
import { SCHEMA_VERSION } from '../../src/feed/schema';

/** One file of a version, as assembled (assemble.ts) or as an index of others. */
export interface FeedFile {
  /** Logical path under the feed root (feedPaths). */
  path: string;
  bytes: Buffer;
}

export interface RegionTree {
  streets: { code: string; villages: string[] }[];
}

export const sha256Of = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

export const buildIndexTree = (files: FeedFile[], tree: RegionTree): { root: FileEntries; indexes: FeedFile[] } => {
  const unclaimed = new Map(files.map((f) => [f.path, f]));
  const indexes: FeedFile[] = [];
  const claim = (paths: string[]): FileEntries => {
    const entries: FileEntries = {};
    for (const path of [...paths].sort()) {
      const file = unclaimed.get(path);
      if (!file) continue;
      unclaimed.delete(path);
      entries[path] = { sha256: sha256Of(file.bytes), bytes: file.bytes.length };
    }
    return entries;
  };
  /** Writes an index of `entries` and returns the entry naming it, to go in its parent. */
  const index = (path: string, region: string, entries: FileEntries): FileEntries => {
    const bytes = Buffer.from(
      JSON.stringify({ schemaVersion: SCHEMA_VERSION, kind: 'index', region, files: entries } satisfies FeedIndex),
    );
    indexes.push({ path, bytes });
    return { [path]: { sha256: sha256Of(bytes), bytes: bytes.length } };
  };
  const villageFiles = (code: string) =>
    files.map((f) => f.path).filter((p) => p === feedPaths.village(code) || p.startsWith(`villages/${code}/`));

  const root: FileEntries = {};
  for (const street of tree.streets) {
    const streetEntries = claim([feedPaths.street(street.code)]);
    for (const village of street.villages)
      Object.assign(streetEntries, index(feedPaths.villageIndex(village), village, claim(villageFiles(village))));
    Object.assign(root, index(feedPaths.streetIndex(street.code), street.code, sortedEntries(streetEntries)));
  }
  // What no street or village claimed is the district's own.
  return { root: sortedEntries({ ...claim([...unclaimed.keys()]), ...root }), indexes };
};

const sortedEntries = (entries: FileEntries): FileEntries =>
  Object.fromEntries(
    Object.keys(entries)
      .sort()
      .map((path) => [path, entries[path]!]),
  );

/**
 * Every entry the manifest's tree names, indexes included, read from a feed directory:
 * what an export must copy and what a check of the published feed must find.
 */
export const readIndexTree = (feedDir: string, manifest: Manifest): FileEntries => {
  const all: FileEntries = {};
  const visit = (entries: FileEntries) => {
    for (const [path, entry] of Object.entries(entries)) {
      all[path] = entry;
      if (path.endsWith('/index.json'))
        visit((JSON.parse(readFileSync(join(feedDir, objectPath(entry.sha256)), 'utf8')) as FeedIndex).files);
    }
  };
  visit(manifest.files);
  return all;
};
